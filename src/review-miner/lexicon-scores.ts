// The lexicon half of the classifier: every theme's score from the reviewer's own words and code
// cues (suggestion diffs, quoted code, `s/old/new/` substitutions), the process-feedback score, and
// the comment's prose words (the statistical half reads them too; see theme-model.ts).
import { codeCues } from './code-cues';
import { codeMentionCues } from './code-mentions';
import { ownText } from './filter-comments';
import { DOUBLED_WORD } from './lexicon-entry';
import {
  GATED_PATTERNS,
  LEXICON_THEMES,
  PATTERNS,
  UNGATED,
  WORD_CUE_COUNT,
  WORD_HITS,
  withBaseForms,
  type LexiconTheme,
} from './lexicon-index';
import { processScore } from './process-cues';
import type { Theme } from './taxonomy';
import { substitutionCues } from './text-substitution';

export interface ThemeScore {
  theme: LexiconTheme;
  score: number;
  cues: string[];
}

export interface LexiconScores {
  /** Themes with any cue, best first (ties keep the lexicon's theme order). */
  themes: ThemeScore[];
  /** The strongest process cue (changelog, commits, CI, PR scope); 0 when none. */
  process: { score: number; cue?: string };
  /** The reviewer's prose words (lower case, code spans longer than one name left out). */
  words: Set<string>;
}

/** A test file or a documentation file: the file a comment sits on hints at its theme. */
const TEST_PATH =
  /(?:^|\/)(?:tests?|specs?|__tests__|testing)\/|(?:^|[/_.-])(?:test|spec)s?[_.-]|_test\.\w+$|Tests?\.\w+$/;
const DOCS_PATH = /\.(?:md|mdx|rst|adoc|txt)$|(?:^|\/)docs?\//i;
/** Weak on purpose: it only tips a theme that the comment's own words already point to. */
const PATH_CUE_WEIGHT = 0.75;

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

export function scoreLexicon(body: string, diffHunk?: string, path?: string): LexiconScores {
  const text = prose(body);
  const found = new Map<Theme, { weights: number[]; cues: string[] }>();
  const add = (theme: Theme, weight: number, cue: string) => {
    const entry = found.get(theme) ?? { weights: [], cues: [] };
    entry.weights.push(weight);
    entry.cues.push(cue);
    found.set(theme, entry);
  };
  let words = new Set<string>();
  if (text !== '') {
    const matched = new Uint8Array(WORD_CUE_COUNT);
    const vocabulary = vocabularyOf(text);
    words = vocabulary.prose;
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
  if (path !== undefined && found.size > 0) {
    if (TEST_PATH.test(path)) add('tests', PATH_CUE_WEIGHT, 'comment on a test file');
    else if (DOCS_PATH.test(path))
      add('docs-comments', PATH_CUE_WEIGHT, 'comment on a documentation file');
  }
  const themes: ThemeScore[] = [];
  for (const theme of LEXICON_THEMES) {
    const entry = found.get(theme);
    if (entry) themes.push({ theme, score: themeScore(entry.weights), cues: entry.cues });
  }
  themes.sort((x, y) => y.score - x.score);
  return {
    themes,
    process: text === '' ? { score: 0 } : processScore(text),
    words,
  };
}
