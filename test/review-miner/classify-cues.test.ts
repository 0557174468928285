import { classifyComment } from '../../src/review-miner/classify-comment';
import { codeMentionCues } from '../../src/review-miner/code-mentions';
import { baseForms, withBaseForms } from '../../src/review-miner/lexicon-index';
import { substitutionCues } from '../../src/review-miner/text-substitution';

const themeOf = (body: string) => classifyComment(body).theme;
const mentionThemes = (body: string) => codeMentionCues(body).map((c) => c.theme);

describe('classifier: inflections fold onto the lexicon', () => {
  it('proposes plural, past and -ing base forms', () => {
    expect(baseForms('allocates')).toContain('allocate');
    expect(baseForms('memoizing')).toContain('memoize');
    expect(baseForms('batches')).toContain('batch');
    expect(baseForms('logged')).toContain('log');
  });

  it('adds a base form only for words the lexicon does not know already', () => {
    const words = withBaseForms(new Set(['memoizes', 'testing']));
    expect(words.has('memoize')).toBe(true);
    // "testing" is a lexicon word of its own (a weaker cue than "test"): it is not folded.
    expect(words.has('test')).toBe(false);
  });

  it('reads an inflection the lexicon does not list under its base word', () => {
    expect(classifyComment('This memoizes nothing, it recomputes each time.').cues).toContain(
      'performance',
    );
  });
});

describe('classifier: quoted code says what the comment is about', () => {
  it('reads a quoted deprecation marker as api-design', () => {
    expect(mentionThemes('Mark the old one `#[deprecated]`.')).toContain('api-design');
    expect(mentionThemes('Add `@Deprecated` here.')).toContain('api-design');
  });

  it('reads a quoted bare number, hex literal or colour as a magic value', () => {
    expect(mentionThemes('What is `86400`?')).toContain('magic-values');
    expect(mentionThemes('What is `0xFF`?')).toContain('magic-values');
    expect(mentionThemes("Use a token, not `'#ff0000'`.")).toContain('magic-values');
  });

  it('does not read a quoted version number as a magic value', () => {
    expect(mentionThemes('Needs `1.2.3` or later.')).not.toContain('magic-values');
  });

  it('reads quoted unsafe calls as security', () => {
    expect(mentionThemes('Avoid `shell=True`.')).toContain('security');
    expect(mentionThemes('No `eval` please.')).toContain('security');
    expect(mentionThemes('Beware of `..` in the name.')).toContain('security');
  });

  it('reads a quoted swallowed error or handler as error-handling', () => {
    expect(mentionThemes('`except: pass` hides bugs.')).toContain('error-handling');
    expect(mentionThemes('Empty `catch (e) {}` here.')).toContain('error-handling');
    expect(mentionThemes('Use `except KeyError` instead.')).toContain('error-handling');
  });

  it('reads a quoted debugger hook as logging-debug', () => {
    expect(mentionThemes('Leftover `breakpoint()`.')).toContain('logging-debug');
    expect(mentionThemes('Remove `binding.pry`.')).toContain('logging-debug');
  });
});

describe('classifier: corrections written in prose', () => {
  it('reads a doubled word in quotes as typo-spelling', () => {
    expect(themeOf('There is "the the" in the second paragraph.')).toBe('typo-spelling');
  });

  it('reads a phrase corrected by a letter or a removed doubled word as typo-spelling', () => {
    expect(themeOf("'an user' -> 'a user'")).toBe('typo-spelling');
    expect(themeOf('a a -> a')).toBe('typo-spelling');
  });

  it('reads a quoted common misspelling as typo-spelling even next to a location word', () => {
    expect(themeOf('"Retrun" in the docstring.')).toBe('typo-spelling');
    expect(themeOf('Just a tiny thing: "recieve" in the log message.')).toBe('typo-spelling');
  });

  it('reads a correction in bold or italics as typo-spelling', () => {
    expect(themeOf('**necessary**, not *neccessary*')).toBe('typo-spelling');
  });

  it('reads one name written in two casings as naming', () => {
    expect(substitutionCues('Pick one of `user_id`/`userId`.').map((c) => c.theme)).toEqual([
      'naming',
    ]);
  });

  it('does not read a swapped operator or keyword (`and`, not `or`) as a wording change', () => {
    expect(substitutionCues('This should be `and`, not `or`.')).toEqual([]);
  });

  it('does not read a name with a prefix added as a spelling fix', () => {
    expect(substitutionCues('`isEnabled` rather than `enabled`').map((c) => c.theme)).not.toContain(
      'typo-spelling',
    );
  });
});

describe('classifier: common words that are not the theme', () => {
  it('does not read "logged out" as logging', () => {
    expect(themeOf('Does this still work when the user is logged out?')).toBe('other');
  });

  it('does not read "a factor of 1000" as extracting code', () => {
    expect(classifyComment('This is off by a factor of 1000.').theme).not.toBe(
      'duplication-extract',
    );
  });

  it('still reads "logging in the handler" as logging', () => {
    expect(
      themeOf('We are logging in the handler and again in the middleware; pick one log line.'),
    ).toBe('logging-debug');
  });

  it('does not read "nice catch" as exception handling', () => {
    expect(themeOf('Nice catch, thanks for fixing this!')).toBe('other');
  });

  it('does not read "constant-time" as a named constant', () => {
    expect(themeOf('Use a constant-time comparison for the token.')).toBe('security');
  });

  it('does not read "the caller" in a bug report as API design', () => {
    expect(themeOf('The bug is in the caller, which passes the wrong timestamp.')).toBe('other');
  });
});
