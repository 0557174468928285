// The built bundle (dist/doc-drift) run the way a runner does, against the GitHub API emulator:
// the drift issue and the fixes PR are created once, updated on rerun, closed when fixed.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startEmulator, type Emulator } from '../support/emulator';
import { MIN_DOCS_FOR_WORKERS } from '../../src/doc-drift/parse-pool';
import { ROOT, runBundle } from '../support/runner-harness';
import { createTestRepo, type TestRepo } from './support/git-repo';

let gh: Emulator;
let repo: TestRepo;

beforeAll(() => {
  if (!existsSync(path.join(ROOT, 'dist', 'doc-drift', 'index.js'))) {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), 'doc-drift'], {
      cwd: ROOT,
      stdio: 'pipe',
    });
  }
}, 180_000);

beforeEach(async () => {
  gh = await startEmulator({ owner: 'acme', repo: 'widgets' });
});

afterEach(async () => {
  await gh.close();
  repo?.cleanup();
});

const FILES = {
  'src/api.ts': 'export function makeClient() {}\n',
  'docs/handbook.md': '# Handbook\n',
};

function drifted(): TestRepo {
  const r = createTestRepo();
  r.write({
    'src/api.ts': 'export function createClient() {}\n',
    'docs/guide.md': '# Handbook\n',
    'README.md':
      '# Demo\n\nRead [the guide](docs/guide.md), call `createClient()`, see [notes](docs/notes.md).\n',
    'docs/notes.md': '# Notes\n',
  });
  r.commit('initial', 30);
  r.move('docs/guide.md', 'docs/handbook.md');
  r.remove('docs/notes.md');
  r.write({ 'src/api.ts': FILES['src/api.ts'] });
  r.commit('Rename guide and client', 3);
  return r;
}

const inputs = { 'undocumented-exports': 'false' };

function open(kind: 'issue' | 'pull') {
  return [...Array(50).keys()]
    .map((n) => gh.store.issue(n + 1))
    .filter((i) => i !== undefined && (kind === 'pull') === (i.pull !== null));
}

test('creates the issue and the fixes PR once, updates them on rerun, closes them when the docs are fixed', async () => {
  repo = drifted();
  const readme = readFileSync(path.join(repo.dir, 'README.md'), 'utf8');
  gh.store.commitFiles('main', { ...FILES, 'README.md': readme }, 'mirror of the checkout');

  const first = await runBundle('doc-drift', { workspace: repo.dir, emulator: gh, inputs });
  expect(first.stdout + first.stderr).not.toMatch(/::error::doc-drift|Error/);
  expect(first.exitCode).toBe(0);
  expect(first.outputs).toMatchObject({ findings: '3', fixable: '2' });
  expect(first.summary).toContain('broken links');
  expect(first.annotations.map((a) => a.properties.file)).toEqual([
    'README.md',
    'README.md',
    'README.md',
  ]);
  const [issue] = open('issue');
  const [pull] = open('pull');
  expect(issue?.body).toContain('tend:doc-drift:drift');
  expect(issue?.state).toBe('open');
  expect(pull?.state).toBe('open');
  expect(pull?.title).toContain('fix 2 reference(s)');
  const branch = gh.store.branchSha('tend/doc-drift/fixes');
  expect(branch).toBeDefined();

  const second = await runBundle('doc-drift', { workspace: repo.dir, emulator: gh, inputs });
  expect(second.exitCode).toBe(0);
  expect(open('issue')).toHaveLength(1);
  expect(open('pull')).toHaveLength(1);

  const fixed = '# Demo\n\nRead [the guide](docs/handbook.md), call `makeClient()`.\n';
  repo.write({ 'README.md': fixed });
  repo.commit('Fix docs', 0);
  gh.store.commitFiles('main', { 'README.md': fixed }, 'Fix docs');
  const third = await runBundle('doc-drift', { workspace: repo.dir, emulator: gh, inputs });
  expect(third.exitCode).toBe(0);
  expect(third.outputs.findings).toBe('0');
  expect(gh.store.issue(issue?.number ?? 0)?.state).toBe('closed');
  expect(gh.store.issue(pull?.number ?? 0)?.state).toBe('closed');
}, 120_000);

test('the bundle parses a large doc set on worker threads and reads TypeScript exports with the lazily loaded compiler', async () => {
  repo = createTestRepo();
  const docs: Record<string, string> = {};
  // Enough docs that parsing goes to worker threads.
  const count = MIN_DOCS_FOR_WORKERS + 50;
  for (let i = 0; i < count; i++)
    docs[`docs/page${i}.md`] =
      `# Page ${i}\n\nSee [next](page${i + 1}.md#page-${i + 1}) and \`documented()\`.\n`;
  repo.write({
    ...docs,
    'package.json': '{ "name": "demo", "main": "src/index.ts" }\n',
    'src/index.ts': 'export function documented() {}\nexport function forgotten() {}\n',
  });
  repo.commit('initial', 10);
  const run = await runBundle('doc-drift', {
    workspace: repo.dir,
    emulator: gh,
    inputs: { 'undocumented-exports': 'true', 'dry-run': 'true' },
  });
  expect(run.stdout + run.stderr).not.toMatch(/::error::doc-drift|Error/);
  expect(run.exitCode).toBe(0);
  // The last page links to a page that does not exist; every other link and anchor resolves.
  const found = run.annotations.map((a) => `${a.properties.file}:${a.properties.line}`);
  expect(found).toContain(`docs/page${count - 1}.md:3`);
  expect(found).toContain('src/index.ts:2');
  expect(run.outputs.findings).toBe('2');
  expect(run.summary).toMatch(
    new RegExp(`${count} doc\\(s\\).*docs parsed on [1-9]\\d* worker threads`),
  );
}, 120_000);
