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
  /** Unique per (theme, cue): a cue counts once however many of its words appear. */
  id: number;
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

const cueIds = new Map<string, number>();
for (const theme of LEXICON_THEMES) {
  for (const entry of LEXICON[theme]) {
    for (const word of entry.words ?? []) {
      const list = WORD_HITS.get(word) ?? [];
      const key = `${theme}\u0000${entry.cue}`;
      const id = cueIds.get(key) ?? cueIds.size;
      cueIds.set(key, id);
      if (!list.some((x) => x.id === id))
        list.push({ theme, weight: entry.weight, cue: entry.cue, id });
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

/** How many distinct word cues there are (size of a per-comment "already counted" mask). */
export const WORD_CUE_COUNT = cueIds.size;

const known = (word: string): boolean => WORD_HITS.has(word) || GATED_PATTERNS.has(word);

function pushStem(forms: string[], stem: string): void {
  forms.push(stem);
  if (stem.length > 2 && stem[stem.length - 1] === stem[stem.length - 2])
    forms.push(stem.slice(0, -1));
  else forms.push(`${stem}e`);
}

/** Candidate base forms of an inflected English word (plural, past, -ing, -ly). */
export function baseForms(word: string): string[] {
  if (word.length < 4) return [];
  const forms: string[] = [];
  if (word.endsWith('ies') || word.endsWith('ied')) forms.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) forms.push(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is'))
    forms.push(word.slice(0, -1));
  if (word.endsWith('ed')) pushStem(forms, word.slice(0, -2));
  if (word.endsWith('ing') && word.length > 5) pushStem(forms, word.slice(0, -3));
  if (word.endsWith('ly') && word.length > 5) forms.push(word.slice(0, -2));
  return forms;
}

/** Known base form per word seen (null: none); bounded so a stream of odd tokens cannot grow it forever. */
const BASE_CACHE = new Map<string, string | null>();
const BASE_CACHE_LIMIT = 50_000;

function knownBase(word: string): string | null {
  if (word.length < 4) return null;
  const cached = BASE_CACHE.get(word);
  if (cached !== undefined) return cached;
  const base = known(word) ? null : (baseForms(word).find(known) ?? null);
  if (BASE_CACHE.size >= BASE_CACHE_LIMIT) BASE_CACHE.clear();
  BASE_CACHE.set(word, base);
  return base;
}

/** The comment's words plus, for a word the lexicon does not know, its first known base form. */
export function withBaseForms(words: Set<string>): Set<string> {
  let extra: string[] | undefined;
  for (const word of words) {
    const base = knownBase(word);
    if (base !== null) (extra ??= []).push(base);
  }
  if (extra) for (const word of extra) words.add(word);
  return words;
}
