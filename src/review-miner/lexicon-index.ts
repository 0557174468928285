// Lookup tables over the lexicon, built once: which word entries a word hits, which patterns a
// word unlocks (their gate), and a light suffix folding so "memoizing", "allocs" or "deprecates"
// meet the lexicon's "memoize", "alloc" and "deprecate" without listing every inflection.
import type { Theme } from './taxonomy';
import { LEXICON, type LexiconEntry } from './theme-lexicon';

export type LexiconTheme = Exclude<Theme, 'other'>;

export interface WordHit {
  theme: LexiconTheme;
  weight: number;
  cue: string;
}

export interface IndexedPattern {
  theme: LexiconTheme;
  entry: LexiconEntry & { pattern: RegExp };
}

export const LEXICON_THEMES = Object.keys(LEXICON) as LexiconTheme[];

/** Word entries indexed by word. */
export const WORD_HITS = new Map<string, WordHit[]>();
/** Patterns indexed by each of their gate words. */
export const GATED_PATTERNS = new Map<string, number[]>();
/** Every pattern entry, in lexicon order; `UNGATED` lists those tried on every comment. */
export const PATTERNS: IndexedPattern[] = [];
export const UNGATED: number[] = [];

for (const theme of LEXICON_THEMES) {
  for (const entry of LEXICON[theme]) {
    for (const word of entry.words ?? []) {
      const list = WORD_HITS.get(word) ?? [];
      if (!list.some((x) => x.theme === theme && x.cue === entry.cue)) list.push({ theme, weight: entry.weight, cue: entry.cue });
      WORD_HITS.set(word, list);
    }
    if (!entry.pattern) continue;
    const index = PATTERNS.push({ theme, entry: entry as IndexedPattern['entry'] }) - 1;
    if (!entry.gate) {
      UNGATED.push(index);
      continue;
    }
    for (const word of entry.gate) {
      const list = GATED_PATTERNS.get(word) ?? [];
      list.push(index);
      GATED_PATTERNS.set(word, list);
    }
  }
}

const known = (word: string): boolean => WORD_HITS.has(word) || GATED_PATTERNS.has(word);

/** Candidate base forms of an inflected English word (plural, past, -ing, -ly). */
export function baseForms(word: string): string[] {
  if (word.length < 4) return [];
  const forms: string[] = [];
  const undouble = (stem: string) => {
    forms.push(stem);
    if (stem.length > 2 && stem[stem.length - 1] === stem[stem.length - 2]) forms.push(stem.slice(0, -1));
    else forms.push(`${stem}e`);
  };
  if (word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('ied')) forms.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) forms.push(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) forms.push(word.slice(0, -1));
  if (word.endsWith('ed')) undouble(word.slice(0, -2));
  if (word.endsWith('ing') && word.length > 5) undouble(word.slice(0, -3));
  if (word.endsWith('ly') && word.length > 5) forms.push(word.slice(0, -2));
  return forms;
}

/** The comment's words plus, for a word the lexicon does not know, its first known base form. */
export function withBaseForms(words: Set<string>): Set<string> {
  const extra: string[] = [];
  for (const word of words) {
    if (known(word)) continue;
    const base = baseForms(word).find(known);
    if (base) extra.push(base);
  }
  for (const word of extra) words.add(word);
  return words;
}
