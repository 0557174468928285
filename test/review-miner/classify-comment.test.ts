import { classifyComment } from '../../src/review-miner/classify-comment';
import { editDistance, substitutionCues } from '../../src/review-miner/text-substitution';

/**
 * Share of the written comments read as their own theme. The classifier may abstain (`other`) on
 * a comment it is unsure of, but never reads it as a different theme (see the per-comment tests).
 */
const recognised = (cases: [string, string][]): number =>
  cases.filter(([theme, body]) => classifyComment(body).theme === theme).length / cases.length;

/** Measured on these written comments: see the fixture README (Set 7 and the theme model). */
const FLOOR = 0.9;

const themeOf = (body: string, hunk?: string) => classifyComment(body, hunk).theme;

describe('classifier: code-aware cues from suggestion blocks', () => {
  it('reads a suggestion adding `-> int` to a Python def as type-annotations', () => {
    const hunk = '@@ -3 +3 @@\n+def total(items):';
    expect(themeOf('```suggestion\ndef total(items: list[int]) -> int:\n```', hunk)).toBe(
      'type-annotations',
    );
  });

  it('reads a suggestion adding a TypeScript parameter type as type-annotations', () => {
    const hunk = '@@ -1 +1 @@\n+export function area(width, height) {';
    expect(
      themeOf('```suggestion\nexport function area(width: number, height: number) {\n```', hunk),
    ).toBe('type-annotations');
  });

  it('reads an empty suggestion over a `fmt.Println` line as logging-debug', () => {
    const hunk = '@@ -1,2 +1,3 @@\n func run() {\n+\tfmt.Println("here", x)';
    expect(themeOf('```suggestion\n```', hunk)).toBe('logging-debug');
  });

  it('reads a suggestion that only changes an identifier as naming', () => {
    const hunk = '@@ -1 +1 @@\n+    tmp = load_rows(path)';
    expect(themeOf('```suggestion\n    rows = load_rows(path)\n```', hunk)).toBe('naming');
  });
});

describe('classifier: substitutions written in prose', () => {
  it('reads `s/recieve/receive/` as typo-spelling', () => {
    expect(themeOf('s/recieve/receive/')).toBe('typo-spelling');
  });

  it('reads an arrow between two code names as naming', () => {
    expect(themeOf('`getUserData` -> `loadProfile`')).toBe('naming');
  });

  it('reads a quoted word swap that fixes one letter as typo-spelling', () => {
    expect(themeOf('Should be "whether" not "weather".')).toBe('typo-spelling');
  });

  it('reads `s/should/must/` (plain words) as a wording change, not a rename', () => {
    expect(substitutionCues('s/should/must/').map((c) => c.theme)).toEqual(['docs-comments']);
  });

  it('compares two typing names quoted in a sentence as type-annotations', () => {
    expect(themeOf('`Sequence` is more general than `list` for this parameter')).toBe(
      'type-annotations',
    );
  });

  it('measures edit distance between words', () => {
    expect(editDistance('recieve', 'receive')).toBe(2);
    expect(editDistance('teh', 'the')).toBe(2);
    expect(editDistance('color', 'colour')).toBe(1);
  });
});

describe('classifier: vocabulary across ecosystems', () => {
  const cases1: [string, string][] = [
    ['type-annotations', 'Please avoid `any` here, use `unknown` and narrow it.'],
    ['type-annotations', 'This should be `Optional[str]` since it can be None.'],
    ['type-annotations', 'mypy will complain about this in strict mode'],
    ['type-annotations', 'Can we add a return type to this function?'],
    ['naming', 'This name is misleading, it returns a list not a count.'],
    ['naming', 'Go uses camelCase for unexported identifiers, not snake_case.'],
    ['naming', 'Maybe call it `retryLimit` instead?'],
    ['naming', 'Please use a more descriptive variable name than `x`.'],
    ['docs-comments', 'Please add a docstring explaining the arguments.'],
    ['docs-comments', 'This comment is outdated now that we retry.'],
    ['docs-comments', 'Exported functions need a godoc comment.'],
    ['docs-comments', 'Missing JSDoc for the new option.'],
    ['typo-spelling', 'Small typo in the error message'],
    ['typo-spelling', 'nit: teh -> the'],
    ['logging-debug', 'Leftover debug print?'],
    ['logging-debug', 'Please remove the `console.log` before merging.'],
    ['logging-debug', 'This should be logged at debug level, info is too noisy.'],
    ['logging-debug', 'Stray `println!` here.'],
    ['performance', 'This is O(n^2), a set lookup would make it linear.'],
    ['performance', 'We query the database inside the loop, this is an N+1.'],
    ['performance', 'This makes a network call for every row.'],
    ['security', 'This builds SQL by string concatenation, please use a parameterized query.'],
    ['security', 'Using `shell=True` with user input is dangerous.'],
    ['security', 'This lets anyone read any file on the server.'],
    ['magic-values', 'What is 86400? Please pull it into a named constant.'],
    ['magic-values', "Don't hardcode the URL, read it from config."],
    ['api-design', 'This is a breaking change for anyone calling `connect()` positionally.'],
    ['api-design', 'Should this take an options object instead of five boolean parameters?'],
    ['unused-code', '`tmp` is assigned but never read.'],
    ['unused-code', 'Is this function still needed? I cannot find any callers.'],
    ['error-handling', "Don't swallow the exception here, at least re-raise it."],
    ['error-handling', 'The error returned by `Close` is ignored.'],
    ['tests', 'This test is flaky on CI because it depends on timing.'],
    ['style-formatting', 'Please run `cargo fmt`.'],
    [
      'duplication-extract',
      'This is the same logic as in `parse_header`; could you extract a helper?',
    ],
  ];
  it.each(cases1)('reads it as %s or abstains: %s', (theme, body) => {
    expect([theme, 'other']).toContain(themeOf(body));
  });

  it('reads most of them as their own theme', () => {
    expect(recognised(cases1)).toBeGreaterThanOrEqual(FLOOR);
  });
});

describe('classifier: weighting and negation', () => {
  it('lets one strong cue beat several weak generic words of another theme', () => {
    // "exception", "thrown", "fails" and "retry" add up to more than "typo" if simply summed.
    expect(themeOf('Typo here: the exception is thrown when the retry fails.')).toBe(
      'typo-spelling',
    );
  });

  it('does not count a theme word the reviewer negates ("not a typo")', () => {
    expect(themeOf('This is not a typo, the upstream API spells it that way.')).toBe('other');
  });

  it('ignores words inside quoted code expressions (a variable called `exception`)', () => {
    expect(themeOf('Should we call `retry(exception, count)` before sleeping?')).toBe('other');
  });

  it('explains its choice with the cues that matched', () => {
    const result = classifyComment('Please rename `tmp` to something more descriptive.');
    expect(result.theme).toBe('naming');
    expect(result.cues).toContain('rename');
    expect(result.score).toBeGreaterThanOrEqual(3);
  });

  it('leaves a comment with only a weak cue in other', () => {
    expect(themeOf('Can you loop me in on the follow-up?')).toBe('other');
  });
});
