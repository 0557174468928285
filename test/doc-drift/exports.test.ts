// Public exports of TypeScript, Python and Go modules, and undocumented-export findings.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { goExports } from '../../src/doc-drift/exports/go-exports';
import { pythonExports } from '../../src/doc-drift/exports/python-exports';
import { parserFor } from '../../src/doc-drift/exports/tree-sitter';
import { typescriptExports } from '../../src/doc-drift/exports/typescript-exports';
import { gatherExports, packageEntryPoints } from '../../src/doc-drift/gather-exports';
import { findUndocumentedExports } from '../../src/doc-drift/find-undocumented-exports';

test('TypeScript exports follow export-star into relative modules and skip defaults and private names', () => {
  const files: Record<string, string> = {
    'src/index.ts':
      "export * from './client';\nexport { helper as publicHelper } from './util';\nexport default 1;\nexport const VERSION = '1';\nconst _hidden = 2;\nexport { _hidden };\n",
    'src/client.ts':
      'export class Client {}\nexport interface ClientOptions {}\nexport type Mode = "a";\nexport function connect() {}\nfunction internal() {}\nexport enum Level { A }\n',
    'src/util.ts': 'export function helper() {}\n',
  };
  const names = typescriptExports('src/index.ts', (f) => files[f]).map(
    (e) => `${e.file}:${e.line}:${e.name}`,
  );
  expect(names).toEqual([
    'src/client.ts:1:Client',
    'src/client.ts:2:ClientOptions',
    'src/client.ts:3:Mode',
    'src/client.ts:4:connect',
    'src/client.ts:6:Level',
    'src/index.ts:2:publicHelper',
    'src/index.ts:4:VERSION',
  ]);
});

test('CommonJS exports are read too', () => {
  const js = 'exports.parse = function () {};\nmodule.exports.format = () => {};\n';
  expect(typescriptExports('lib/a.js', () => js).map((e) => e.name)).toEqual(['parse', 'format']);
});

test('Python public names honour __all__, else skip underscore names', async () => {
  const parser = await parserFor('python');
  const plain =
    'import os\n\ndef load():\n    pass\n\nclass Store:\n    pass\n\n@cache\ndef cached():\n    pass\n\n_private = 1\nLIMIT = 3\n';
  expect(pythonExports(parser, 'pkg/a.py', plain).map((e) => `${e.line}:${e.name}`)).toEqual([
    '3:load',
    '6:Store',
    '10:cached',
    '14:LIMIT',
  ]);
  const withAll = '__all__ = ["load"]\n\ndef load():\n    pass\n\ndef other():\n    pass\n';
  expect(pythonExports(parser, 'pkg/b.py', withAll).map((e) => e.name)).toEqual(['load']);
});

test('Go exported identifiers are the capitalised top-level declarations', async () => {
  const parser = await parserFor('go');
  const go =
    'package store\n\nfunc Open() {}\nfunc close() {}\n\ntype Store struct{}\n\nconst (\n\tMaxSize = 10\n\tminSize = 1\n)\n\nvar Default, other = 1, 2\n\nfunc (s *Store) Get() {}\n';
  expect(goExports(parser, 'store/store.go', go).map((e) => `${e.line}:${e.name}`)).toEqual([
    '3:Open',
    '6:Store',
    '9:MaxSize',
    '13:Default',
  ]);
});

test('package entry points map build output back to sources', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tend-exports-'));
  try {
    writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({
        main: 'dist/index.js',
        exports: { '.': { import: './dist/index.js' }, './extra': './lib/extra.js' },
      }),
    );
    expect(packageEntryPoints(dir, new Set(['src/index.ts', 'lib/extra.js']))).toEqual([
      'src/index.ts',
      'lib/extra.js',
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('exports no doc mentions are undocumented; mentioned ones are not', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tend-exports-'));
  try {
    mkdirSync(path.join(dir, 'pkg'));
    writeFileSync(
      path.join(dir, 'pkg', 'api.py'),
      'def documented():\n    pass\n\ndef forgotten():\n    pass\n',
    );
    const exports = await gatherExports(dir, ['pkg/api.py'], ['pkg/**/*.py']);
    const findings = findUndocumentedExports(exports, new Set(['documented', 'other']));
    expect(findings).toMatchObject([
      {
        kind: 'undocumented-export',
        severity: 'notice',
        file: 'pkg/api.py',
        line: 4,
        target: 'forgotten',
      },
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
