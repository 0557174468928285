// doc-drift on small git repositories with real history: each kind of drift is found with the
// right kind, line, confidence and fix, and the valid references beside it are not reported.
import { analyzeRepository, type AnalysisOptions } from '../../src/doc-drift/analyze';
import type { DriftFinding } from '../../src/doc-drift/model';
import { createTestRepo, NOW, type TestRepo } from './support/git-repo';

const options: AnalysisOptions = {
  docs: ['**/*.md', '**/*.mdx'],
  publicGlobs: [],
  undocumentedExports: false,
  staleDays: 90,
  ignore: [],
  now: NOW,
};

let repo: TestRepo;
afterEach(() => repo?.cleanup());

function only(findings: DriftFinding[], kind: string): DriftFinding[] {
  return findings.filter((f) => f.kind === kind);
}

test('a link to a renamed file is a broken-link with confidence renamed and the new path as fix', async () => {
  repo = createTestRepo();
  repo.write({
    'README.md': '# Demo\n\nRead the [setup guide](docs/setup.md) and the [faq](docs/faq.md).\n',
    'docs/setup.md': '# Setup\n',
    'docs/faq.md': '# FAQ\n',
  });
  repo.commit('docs', 30);
  repo.move('docs/setup.md', 'docs/installation.md');
  const sha = repo.commit('Rename setup guide', 20);
  const { findings } = await analyzeRepository(repo.dir, options);
  expect(findings).toHaveLength(1);
  expect(findings[0]).toMatchObject({
    kind: 'broken-link',
    file: 'README.md',
    line: 3,
    target: 'docs/setup.md',
    confidence: 'renamed',
    fix: 'docs/installation.md',
    commit: sha.slice(0, 7),
  });
  expect(findings[0]?.evidence[0]).toContain('Rename setup guide');
});

test('an anchor to a heading moved to another doc is a broken-anchor whose fix points at the new doc', async () => {
  repo = createTestRepo();
  repo.write({
    'README.md': '# Demo\n\n## Configuration\n\nSet things.\n\n## Usage\n\nRun it.\n',
    'docs/intro.md':
      '# Intro\n\nSee [configuration](../README.md#configuration) and [usage](../README.md#usage).\n',
    'docs/reference.md': '# Reference\n',
  });
  repo.commit('docs', 30);
  repo.write({
    'README.md': '# Demo\n\n## Usage\n\nRun it.\n',
    'docs/reference.md': '# Reference\n\n## Configuration\n\nSet things.\n',
  });
  repo.commit('Move configuration to the reference', 10);
  const { findings } = await analyzeRepository(repo.dir, options);
  const anchors = only(findings, 'broken-anchor');
  expect(anchors).toHaveLength(1);
  expect(anchors[0]).toMatchObject({
    file: 'docs/intro.md',
    line: 3,
    target: '../README.md#configuration',
    confidence: 'renamed',
    fix: 'reference.md#configuration',
  });
});

test('an anchor to a retitled heading gets the new slug as fix', async () => {
  repo = createTestRepo();
  repo.write({
    'README.md': '# Demo\n\nJump to [install](#install-steps).\n\n## Install steps\n\nnpm i\n',
  });
  repo.commit('docs', 30);
  repo.write({
    'README.md': '# Demo\n\nJump to [install](#install-steps).\n\n## Installing\n\nnpm i\n',
  });
  repo.commit('Retitle', 5);
  const { findings } = await analyzeRepository(repo.dir, options);
  expect(findings).toHaveLength(1);
  expect(findings[0]).toMatchObject({
    kind: 'broken-anchor',
    line: 3,
    confidence: 'renamed',
    fix: '#installing',
  });
});

test('a removed function is a stale-reference with confidence removed and the removing commit as evidence', async () => {
  repo = createTestRepo();
  repo.write({
    'src/api.ts': 'export function createClient() {}\nexport function closeClient() {}\n',
    'README.md': '# API\n\nCall `createClient()` first.\n\nCall `closeClient()` when done.\n',
  });
  repo.commit('api', 30);
  repo.write({ 'src/api.ts': 'export function createClient() {}\n' });
  const sha = repo.commit('Drop closeClient', 3);
  const { findings } = await analyzeRepository(repo.dir, options);
  expect(findings).toHaveLength(1);
  expect(findings[0]).toMatchObject({
    kind: 'stale-reference',
    file: 'README.md',
    line: 5,
    target: 'closeClient',
    confidence: 'removed',
    commit: sha.slice(0, 7),
  });
  expect(findings[0]?.fix).toBeUndefined();
  expect(findings[0]?.evidence[0]).toContain('Drop closeClient');
});

test('a renamed CLI flag is a stale-reference with confidence renamed and the new flag as fix', async () => {
  repo = createTestRepo();
  repo.write({
    'src/cli.ts':
      "program.option('--dry-run', 'print only');\nprogram.option('--verbose', 'talk more');\n",
    'docs/cli.md': '# CLI\n\n```sh\nmytool --verbose\nmytool --dry-run\n```\n',
  });
  repo.commit('cli', 30);
  repo.write({
    'src/cli.ts':
      "program.option('--preview', 'print only');\nprogram.option('--verbose', 'talk more');\n",
  });
  repo.commit('Rename --dry-run to --preview', 3);
  const { findings } = await analyzeRepository(repo.dir, options);
  expect(findings).toHaveLength(1);
  expect(findings[0]).toMatchObject({
    kind: 'stale-reference',
    file: 'docs/cli.md',
    line: 5,
    target: '--dry-run',
    confidence: 'renamed',
    fix: '--preview',
    replacement: 'preview',
  });
});

test('a deleted config key is a stale-reference with confidence removed', async () => {
  repo = createTestRepo();
  repo.write({
    'config/defaults.yml': 'retries: 3\ncache_ttl: 60\n',
    'docs/config.md': '# Config\n\n```yaml\nretries: 5\ncache_ttl: 120\n```\n',
  });
  repo.commit('config', 30);
  repo.write({ 'config/defaults.yml': 'retries: 3\n' });
  repo.commit('Remove the cache', 3);
  const { findings } = await analyzeRepository(repo.dir, options);
  expect(findings).toHaveLength(1);
  expect(findings[0]).toMatchObject({
    kind: 'stale-reference',
    line: 5,
    target: 'cache_ttl',
    referenceKind: 'config-key',
    confidence: 'removed',
  });
});

test('a renamed environment variable and a renamed path in code spans get certain fixes', async () => {
  repo = createTestRepo();
  repo.write({
    'src/env.ts': 'const token = process.env.API_TOKEN;\n',
    'scripts/build.sh': 'echo build\n',
    'README.md': '# Env\n\nSet `API_TOKEN`, then run `scripts/build.sh`.\n',
  });
  repo.commit('env', 30);
  repo.write({ 'src/env.ts': 'const token = process.env.SERVICE_TOKEN;\n' });
  repo.move('scripts/build.sh', 'tools/build.sh');
  repo.commit('Rename token and script', 3);
  const { findings } = await analyzeRepository(repo.dir, options);
  expect(findings.map((f) => [f.kind, f.target, f.confidence, f.fix])).toEqual([
    ['stale-reference', 'API_TOKEN', 'renamed', 'SERVICE_TOKEN'],
    ['stale-reference', 'scripts/build.sh', 'renamed', 'tools/build.sh'],
  ]);
});

test('with only the link and anchor kinds asked for, the other checks are not run', async () => {
  repo = createTestRepo();
  repo.write({
    'src/api.ts': 'export function createClient() {}\nexport function closeClient() {}\n',
    'README.md':
      '# API\n\nCall `closeClient()` when done; see [the guide](docs/guide.md#nowhere).\n',
    'docs/guide.md': '# Guide\n',
  });
  repo.commit('api', 30);
  repo.write({ 'src/api.ts': 'export function createClient() {}\n' });
  repo.commit('Drop closeClient', 3);
  const all = await analyzeRepository(repo.dir, options);
  expect(all.findings.map((f) => f.kind).sort()).toEqual(['broken-anchor', 'stale-reference']);
  const links = await analyzeRepository(repo.dir, {
    ...options,
    kinds: ['broken-link', 'broken-anchor'],
  });
  expect(links.findings.map((f) => f.kind)).toEqual(['broken-anchor']);
  expect(links.stats.phases).not.toHaveProperty('code scan');
});

test('names the code never had are not reported', async () => {
  repo = createTestRepo();
  repo.write({
    'src/a.ts': 'export const a = 1;\n',
    'README.md':
      '# A\n\nLike `React.useState()` or `otherTool --force`, set `HOME_DIR` and see `docs/missing-never.md`.\n',
  });
  repo.commit('a', 10);
  const { findings } = await analyzeRepository(repo.dir, options);
  expect(findings).toEqual([]);
});

test('a clean repository gives zero findings', async () => {
  repo = createTestRepo();
  repo.write({
    'src/index.ts': 'export function start() {}\n',
    'README.md':
      '# Clean\n\n- [Guide](docs/guide.md#usage)\n- Call `start()`.\n- [Same page](#clean)\n- [Code](src/index.ts#L1)\n',
    'docs/guide.md': '# Guide\n\n## Usage\n\nSee [home](../README.md).\n',
  });
  repo.commit('clean', 10);
  const { findings } = await analyzeRepository(repo.dir, options);
  expect(findings).toEqual([]);
});

test('suppression comments silence the next line and blocks', async () => {
  repo = createTestRepo();
  repo.write({
    'README.md': [
      '# S',
      '',
      '<!-- tend-ignore-next-line -->',
      '[a](missing-a.md)',
      '',
      '<!-- tend-ignore-start -->',
      '[b](missing-b.md)',
      '<!-- tend-ignore-end -->',
      '',
      '[c](missing-c.md)',
      '',
    ].join('\n'),
  });
  repo.commit('s', 1);
  const { findings } = await analyzeRepository(repo.dir, options);
  expect(findings.map((f) => f.target)).toEqual(['missing-c.md']);
});

test('docs ignored by .gitignore and by the ignore input are not checked', async () => {
  repo = createTestRepo();
  repo.write({
    '.gitignore': 'build/\n',
    'build/notes.md': '[x](nowhere.md)\n',
    'vendor/lib/README.md': '[y](nowhere.md)\n',
    'README.md': '# R\n',
  });
  repo.commit('i', 1);
  const { findings } = await analyzeRepository(repo.dir, { ...options, ignore: ['vendor/**'] });
  expect(findings).toEqual([]);
  const all = await analyzeRepository(repo.dir, options);
  expect(all.findings.map((f) => f.file)).toEqual(['vendor/lib/README.md']);
});

test('a doc not updated since the code it links changed, over stale-days ago, is a stale-doc with the commits', async () => {
  repo = createTestRepo();
  repo.write({
    'src/engine.ts': 'export const v = 1;\n',
    'docs/engine.md': '# Engine\n\nSee [the code](../src/engine.ts).\n',
  });
  repo.commit('engine', 400);
  repo.write({ 'src/engine.ts': 'export const v = 2;\n' });
  const sha = repo.commit('Change engine', 200);
  const { findings } = await analyzeRepository(repo.dir, options);
  expect(findings).toHaveLength(1);
  expect(findings[0]).toMatchObject({
    kind: 'stale-doc',
    file: 'docs/engine.md',
    line: 3,
    target: 'src/engine.ts',
    commit: sha.slice(0, 7),
  });
  expect(findings[0]?.evidence.join('\n')).toContain('Change engine');
  const recent = await analyzeRepository(repo.dir, { ...options, staleDays: 365 });
  expect(recent.findings).toEqual([]);
});

test('a shallow clone skips history checks and says so', async () => {
  repo = createTestRepo();
  repo.write({ 'README.md': '# R\n\n[gone](gone.md)\n', 'gone.md': '# G\n' });
  repo.commit('one', 5);
  repo.remove('gone.md');
  repo.commit('two', 1);
  const clone = createTestRepo();
  try {
    clone.git('fetch', '-q', '--depth=1', `file://${repo.dir}`, 'main');
    clone.git('checkout', '-q', 'FETCH_HEAD');
    const analysis = await analyzeRepository(clone.dir, options);
    expect(analysis.notes.join('\n')).toContain('shallow clone');
    expect(analysis.findings).toMatchObject([{ kind: 'broken-link', confidence: 'missing' }]);
  } finally {
    clone.cleanup();
  }
});
