// tend's own docs: the generated blocks match their sources (action.yml files, the JSON Schema,
// the reusable workflow), and doc-drift finds no broken link or anchor in them.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyzeRepository } from '../../src/doc-drift/analyze';
import { ROOT } from '../support/runner-harness';

const GENERATOR = path.join(ROOT, 'scripts', 'gen-docs.mjs');

function generate(root: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [GENERATOR, '--root', root, ...args], {
    encoding: 'utf8',
  });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('generated doc blocks', () => {
  it('are up to date in this checkout (npm run docs)', () => {
    const run = generate(ROOT, '--check');
    expect({ code: run.code, output: run.output }).toEqual({
      code: 0,
      output: expect.stringContaining('up to date'),
    });
  });

  describe('on a small repository', () => {
    let dir: string;
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    };
    const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');

    beforeEach(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'tend-gen-docs-'));
      write(
        'actions/demo/action.yml',
        [
          "name: 'demo'",
          'inputs:',
          '  token:',
          "    description: 'GitHub token.'",
          "    default: '${{ github.token }}'",
          '  globs:',
          "    description: 'Files to read (a | b)'",
          "    default: '**/*.md'",
          '  level:',
          "    description: 'How loud.'",
          '    required: true',
          'outputs:',
          '  count:',
          "    description: 'Number of things.'",
          'runs:',
          '  using: node24',
          '  main: index.js',
          '',
        ].join('\n'),
      );
      write(
        'actions/demo/README.md',
        '# demo\n\nIntro.\n\n## Inputs\n\n| old | table |\n|---|---|\n| x | y |\n\n## Outputs\n\n`count`.\n\n## Permissions\n\nKept as is.\n',
      );
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('reports a README without its generated tables and exits 1 in check mode, changing nothing', () => {
      const before = read('actions/demo/README.md');
      const run = generate(dir, '--check');
      expect(run.code).toBe(1);
      expect(run.output).toContain('actions/demo/README.md');
      expect(read('actions/demo/README.md')).toBe(before);
    });

    it('puts marked tables from action.yml in place of the hand-written ones, keeping the rest', () => {
      expect(generate(dir).code).toBe(0);
      const text = read('actions/demo/README.md');
      expect(text).toContain('<!-- tend:inputs:start -->');
      expect(text).toContain('| `globs` | `**/*.md` | Files to read (a \\| b) |');
      expect(text).toContain('| `level` | **required** | How loud. |');
      expect(text).toContain('| `count` | Number of things. |');
      expect(text).not.toContain('| old | table |');
      expect(text).not.toContain('`count`.');
      expect(text).toMatch(/^# demo\n\nIntro\.\n\n## Inputs\n/);
      expect(text).toContain('## Permissions\n\nKept as is.\n');
      expect(generate(dir, '--check').code).toBe(0);
    });

    it('fails the check once action.yml changes, and regenerates only the marked block', () => {
      generate(dir);
      const readme = read('actions/demo/README.md');
      write(
        'actions/demo/README.md',
        readme.replace('Kept as is.', 'Edited by hand outside the markers.'),
      );
      write(
        'actions/demo/action.yml',
        read('actions/demo/action.yml').replace("'How loud.'", "'How loud, from 1 to 3.'"),
      );
      expect(generate(dir, '--check').code).toBe(1);
      expect(generate(dir).code).toBe(0);
      const text = read('actions/demo/README.md');
      expect(text).toContain('How loud, from 1 to 3.');
      expect(text).toContain('Edited by hand outside the markers.');
    });

    it('names the README that has neither markers nor an Inputs heading', () => {
      write('actions/demo/README.md', '# demo\n\nNo sections.\n');
      const run = generate(dir);
      expect(run.code).toBe(1);
      expect(run.output).toMatch(/actions\/demo\/README\.md: no <!-- tend:inputs:start -->/);
    });

    it('renders the configuration reference from the JSON Schema into README.md', () => {
      write('README.md', '# x\n\n<!-- tend:config:start -->\n<!-- tend:config:end -->\n');
      write(
        'schema/tend.schema.json',
        JSON.stringify({
          properties: {
            'state-branch': {
              type: 'string',
              default: 'tend-state',
              description: 'Where state lives.',
            },
            'doc-drift': {
              type: ['object', 'null'],
              properties: {
                'stale-days': {
                  type: 'integer',
                  minimum: 1,
                  maximum: 3650,
                  default: 90,
                  description: 'Age.',
                },
              },
            },
          },
        }),
      );
      expect(generate(dir).code).toBe(0);
      const text = read('README.md');
      expect(text).toContain('| `state-branch` | string | `tend-state` | Where state lives. |');
      expect(text).toContain('(the inputs of [doc-drift](actions/doc-drift/README.md))');
      expect(text).toContain('| `stale-days` | integer, 1 to 3650 | `90` | Age. |');
    });
  });
});

describe("doc-drift on tend's own docs", () => {
  const docs = ['README.md', 'CHANGELOG.md', 'actions/*/README.md'];

  it('finds no broken link or anchor in README.md, CHANGELOG.md and the action READMEs', async () => {
    const analysis = await analyzeRepository(ROOT, {
      docs,
      publicGlobs: [],
      undocumentedExports: false,
      staleDays: 36_500,
      ignore: [],
      now: new Date(),
    });
    expect(analysis.stats.docs).toBeGreaterThanOrEqual(5);
    const broken = analysis.findings
      .filter((f) => f.kind === 'broken-link' || f.kind === 'broken-anchor')
      .map((f) => `${f.file}:${f.line} ${f.kind}: ${f.message}`);
    expect(broken).toEqual([]);
  }, 120_000);

  it('notices a broken link in a copy of the docs (the check really looks)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tend-docs-copy-'));
    try {
      writeFileSync(
        path.join(dir, 'README.md'),
        `${readFileSync(path.join(ROOT, 'README.md'), 'utf8')}\nSee [gone](actions/gone/README.md) and [here](#no-such-heading).\n`,
      );
      execFileSync('git', ['init', '-q'], { cwd: dir });
      const analysis = await analyzeRepository(dir, {
        docs: ['README.md'],
        publicGlobs: [],
        undocumentedExports: false,
        staleDays: 36_500,
        ignore: [],
        now: new Date(),
      });
      const kinds = analysis.findings
        .filter((f) => `${f.target ?? ''} ${f.message}`.match(/gone|no-such-heading/))
        .map((f) => f.kind);
      expect(kinds).toEqual(expect.arrayContaining(['broken-link', 'broken-anchor']));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
