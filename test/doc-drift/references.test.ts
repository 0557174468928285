// What doc code spans and code blocks are taken to reference.
import { referencesInCodeLine, referencesInCodeSpan } from '../../src/doc-drift/extract-references';
import { pairedReplacement, chooseSuccessor } from '../../src/doc-drift/name-history';
import { respell } from '../../src/doc-drift/find-stale-references';
import { spellings } from '../../src/doc-drift/tokens';

const names = (hits: { kind: string; name: string }[]) => hits.map((h) => `${h.kind}:${h.name}`);

test('code spans are classified as paths, flags, env variables, symbols and config keys', () => {
  expect(names(referencesInCodeSpan('src/index.ts'))).toEqual(['path:src/index.ts']);
  expect(names(referencesInCodeSpan('./docs/'))).toEqual(['path:docs/']);
  expect(names(referencesInCodeSpan('--dry-run'))).toEqual(['flag:dry-run']);
  expect(names(referencesInCodeSpan('$API_TOKEN'))).toEqual(['env:API_TOKEN']);
  expect(names(referencesInCodeSpan('createClient()'))).toEqual(['symbol:createClient']);
  expect(names(referencesInCodeSpan('Config.load'))).toEqual(['symbol:Config', 'symbol:load']);
  expect(names(referencesInCodeSpan('server.port'))).toEqual([
    'config-key:server',
    'config-key:port',
  ]);
  expect(names(referencesInCodeSpan('tend doc-drift --out dir'))).toEqual(['flag:out']);
});

test('plain words, package names and URLs in code spans are not references', () => {
  for (const text of [
    'install',
    'npm',
    '@actions/core',
    'https://x.y/a.md',
    'actions/checkout@v4',
    'true',
    'a b c',
  ]) {
    expect(referencesInCodeSpan(text)).toEqual([]);
  }
});

test('code blocks yield flags and env variables in shell, calls and imports in code, keys in config', () => {
  expect(names(referencesInCodeLine('FOO_BAR=1 tool --fast --out=x -v', 'sh'))).toEqual([
    'flag:fast',
    'flag:out',
    'env:FOO_BAR',
  ]);
  expect(names(referencesInCodeLine("import { makeThing, other as o } from 'pkg'", 'ts'))).toEqual([
    'symbol:makeThing',
    'symbol:other',
  ]);
  expect(names(referencesInCodeLine('client.fetchAll(opts)', 'js'))).toEqual(['symbol:fetchAll']);
  expect(names(referencesInCodeLine('  max_retries: 3', 'yaml'))).toEqual([
    'config-key:max_retries',
  ]);
  expect(names(referencesInCodeLine('"timeout": 5', 'json'))).toEqual(['config-key:timeout']);
});

test('a successor is taken from removed and added lines that differ only at the name', () => {
  expect(
    pairedReplacement(['option', 'dry-run', 'desc'], ['option', 'preview', 'desc'], 'dry-run'),
  ).toBe('preview');
  expect(pairedReplacement(['a', 'old', 'b'], ['a', 'new', 'c'], 'old')).toBeUndefined();
  const removal = {
    commit: { sha: 'a', time: 1, subject: '' },
    paired: ['read', 'fetch'],
    similar: [],
  };
  expect(chooseSuccessor(removal, (n) => n === 'read')).toBe('read');
  expect(chooseSuccessor(removal, () => true)).toBeUndefined();
});

test('a successor is written in the doc name style', () => {
  expect(respell('dryRun', 'dry-run')).toBe('dry-run');
  expect(respell('preview', 'dry-run')).toBe('preview');
  expect(respell('max_items', 'max-count')).toBe('max-items');
  expect(spellings('dry-run')).toEqual(
    expect.arrayContaining(['dry-run', 'dry_run', 'dryRun', 'DRY_RUN']),
  );
});
