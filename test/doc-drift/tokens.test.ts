// The code scan's token reader finds exactly the wanted names `tokensOf` would split a text into.
import { tokensOf, wantedScanner } from '../../src/doc-drift/tokens';

/** Wanted names present in `text`, the slow way: every token, and each part of hyphenated ones. */
function byTokens(text: string, wanted: Set<string>): string[] {
  const found = new Set<string>();
  for (const token of tokensOf(text)) {
    if (wanted.has(token)) found.add(token);
    for (const part of token.split('-')) if (wanted.has(part)) found.add(part);
  }
  return [...found].sort();
}

test('the scanner finds names, hyphenated names and their parts exactly as whole tokens are split', () => {
  const text = [
    "program.option('--dry-run', 'x'); const $el = 0x1Fab + 9lives;",
    'process.env.API_TOKEN ?? a-1-b - trailing- -lead end-',
    'café naïve_name über __proto__',
  ].join('\n');
  const wanted = new Set([
    'dry-run',
    'dry',
    'run',
    '$el',
    'x1Fab',
    'lives',
    'API_TOKEN',
    'a-1-b',
    '1',
    'b',
    'trailing',
    'lead',
    'end',
    'caf',
    'na',
    've_name',
    'ber',
    '__proto__',
    'option',
    'missing',
    'dry-ru',
    'ru',
    'TOKEN',
    'env.API_TOKEN',
  ]);
  const found = new Set<string>();
  wantedScanner(wanted)(text, found);
  expect([...found].sort()).toEqual(byTokens(text, wanted));
  expect(found.has('dry-run') && found.has('run') && found.has('x1Fab')).toBe(true);
  expect(found.has('dry-ru') || found.has('TOKEN') || found.has('missing')).toBe(false);
});
