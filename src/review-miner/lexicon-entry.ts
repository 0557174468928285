// One lexicon entry and the two shorthands the lexicon files are written with.

/**
 * A pseudo-word the classifier adds to a comment's gate words when two neighbouring words repeat
 * ("the the"), so the doubled-word pattern only runs where it can match.
 */
export const DOUBLED_WORD = '<doubled-word>';

export interface LexiconEntry {
  pattern?: RegExp;
  /**
   * A pattern is only tried when the comment has one of these words, prose or code (speed, not
   * meaning).
   */
  gate?: ReadonlySet<string>;
  words?: ReadonlySet<string>;
  weight: number;
  cue: string;
}

/** A phrase or code-shape pattern, optionally gated by space-separated lower-case words. */
export const e = (pattern: RegExp, weight: number, cue: string, gate?: string): LexiconEntry =>
  gate ? { pattern, weight, cue, gate: new Set(gate.split(' ')) } : { pattern, weight, cue };

/** Any of these space-separated lower-case words. */
export const w = (words: string, weight: number, cue: string): LexiconEntry => ({
  words: new Set(words.split(' ')),
  weight,
  cue,
});
