// The deterministic classifier: lexicon scores over the reviewer's own words plus code cues
// (suggestion diffs, quoted code, `s/old/new/` substitutions).
import { codeCues } from './code-cues';
import { codeMentionCues } from './code-mentions';
import { ownText } from './filter-comments';
import type { Theme } from './taxonomy';
import { substitutionCues } from './text-substitution';
import { DOUBLED_WORD } from './lexicon-entry';
import {
  GATED_PATTERNS,
  LEXICON_THEMES,
  PATTERNS,
  UNGATED,
  WORD_CUE_COUNT,
  WORD_HITS,
  withBaseForms,
} from './lexicon-index';

export interface Classification {
  theme: Theme;
  score: number;
  /** Why: the lexicon entries and code cues that matched the winning theme. */
  cues: string[];
}

/** Minimum score a theme needs; below it the comment is `other`. */
export const MIN_SCORE = 1.5;

/** "this is not a typo", "isn't really a security issue": the next words do not count as cues. */
const NEGATED =
  /\b(?:not|isn't|wasn't|aren't|never)\s+(?:really\s+)?(?:a|an|any)\s+(?:(?:real|big|actual|major|serious)\s+)?(?:typo|spelling|security|performance|perf|style|formatting|naming|logging|breaking|memory|test)\b(?:\s+(?:issue|concern|problem|risk|hit|bug|change|mistake)s?)?/gi;

/** Reviewer prose: own text with inline code kept (it carries cues like `print(`). */
function prose(body: string): string {
  return (
    ownText(body.replace(/```([^`\n]+)```/g, '`$1`'))
      .replace(/https?:\/\/\S+/g, ' ')
      .replace(NEGATED, ' ')
      // "good catch": thanks, not exception handling.
      .replace(/\b(?:good|nice|great) catch\b/gi, ' ')
      // "logged out", "log in as admin": signing in, not logging ("logging in the handler" stays).
      .replace(
        /\blogged[ -](?:in|out)\b|\blog[ -]?out\b|\blog in(?= (?:as|with|via|using|again|first)\b|[.,;:?!)]|$)/gim,
        'login',
      )
  );
}

interface Vocabulary {
  /** Prose words (code spans longer than one name, such as calls and expressions, left out). */
  prose: Set<string>;
  /** Every word, code included, plus DOUBLED_WORD when two neighbouring words repeat: gates. */
  gates: Set<string>;
}

const TOKEN = /[a-z0-9]+(?:'[a-z]+)?/g;

function hasRepeat(tokens: string[]): boolean {
  for (let i = 1; i < tokens.length; i += 1) if (tokens[i] === tokens[i - 1]) return true;
  return false;
}

function vocabularyOf(text: string): Vocabulary {
  const lower = text.toLowerCase();
  const all = lower.match(TOKEN) ?? [];
  const gates = withBaseForms(new Set(all));
  if (hasRepeat(all)) gates.add(DOUBLED_WORD);
  if (!text.includes('`')) return { prose: gates, gates };
  const plain = lower.replace(/`[^`\n]*`/g, (span) => (/^`[\w-]*`$/.test(span) ? span : ' '));
  return { prose: withBaseForms(new Set(plain.match(TOKEN) ?? [])), gates };
}

/**
 * A theme's score: its strongest cue plus a fading share of the others (1, 1/2, 1/4...), so one
 * strong cue outweighs a pile of weak generic words.
 */
function themeScore(weights: number[]): number {
  return [...weights].sort((a, b) => b - a).reduce((sum, weight, i) => sum + weight / 2 ** i, 0);
}

export function classifyComment(body: string, diffHunk?: string): Classification {
  const text = prose(body);
  const found = new Map<Theme, { weights: number[]; cues: string[] }>();
  const add = (theme: Theme, weight: number, cue: string) => {
    const entry = found.get(theme) ?? { weights: [], cues: [] };
    entry.weights.push(weight);
    entry.cues.push(cue);
    found.set(theme, entry);
  };
  if (text !== '') {
    const matched = new Uint8Array(WORD_CUE_COUNT);
    const vocabulary = vocabularyOf(text);
    const toTry = new Uint8Array(PATTERNS.length);
    const indices = [...UNGATED];
    for (const index of UNGATED) toTry[index] = 1;
    for (const word of vocabulary.prose) {
      const hits = WORD_HITS.get(word);
      if (!hits) continue;
      for (const hit of hits) {
        if (matched[hit.id] === 1) continue;
        matched[hit.id] = 1;
        add(hit.theme, hit.weight, hit.cue);
      }
    }
    for (const word of vocabulary.gates) {
      const gated = GATED_PATTERNS.get(word);
      if (!gated) continue;
      for (const index of gated) {
        if (toTry[index] === 1) continue;
        toTry[index] = 1;
        indices.push(index);
      }
    }
    indices.sort((a, b) => a - b);
    for (const index of indices) {
      const { theme, entry } = PATTERNS[index] as (typeof PATTERNS)[number];
      if (entry.pattern.test(text)) add(theme, entry.weight, entry.cue);
    }
    for (const cue of substitutionCues(text)) add(cue.theme, cue.weight, cue.cue);
  }
  if (body.includes('`')) {
    for (const cue of codeMentionCues(body)) add(cue.theme, cue.weight, cue.cue);
  }
  if (body.includes('```suggestion')) {
    for (const cue of codeCues(body, diffHunk)) add(cue.theme, cue.weight, cue.cue);
  }
  let best: Classification = { theme: 'other', score: 0, cues: [] };
  for (const theme of LEXICON_THEMES) {
    const entry = found.get(theme);
    if (!entry) continue;
    const score = themeScore(entry.weights);
    if (score > best.score) best = { theme, score, cues: entry.cues };
  }
  if (best.score < MIN_SCORE) return { theme: 'other', score: best.score, cues: best.cues };
  return best;
}
