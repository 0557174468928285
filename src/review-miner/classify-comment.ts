// The deterministic classifier: lexicon scores over the reviewer's own words plus code cues.
import { codeCues } from './code-cues';
import { ownText } from './filter-comments';
import { THEMES, type Theme } from './taxonomy';
import { LEXICON } from './theme-lexicon';

export interface Classification {
  theme: Theme;
  score: number;
  /** Why: the lexicon entries and code cues that matched the winning theme. */
  cues: string[];
}

/** Minimum score a theme needs; below it the comment is `other`. */
export const MIN_SCORE = 1.5;

const LEXICON_THEMES = THEMES.filter((t): t is Exclude<Theme, 'other'> => t !== 'other');

/** Reviewer prose: own text with inline code kept (it carries cues like `print(`). */
function prose(body: string): string {
  return ownText(body).replace(/https?:\/\/\S+/g, ' ');
}

export function classifyComment(body: string, diffHunk?: string): Classification {
  const text = prose(body);
  const scores = new Map<Theme, { score: number; cues: string[] }>();
  const add = (theme: Theme, weight: number, cue: string) => {
    const entry = scores.get(theme) ?? { score: 0, cues: [] };
    entry.score += weight;
    entry.cues.push(cue);
    scores.set(theme, entry);
  };
  if (text !== '') {
    for (const theme of LEXICON_THEMES) {
      for (const entry of LEXICON[theme]) {
        if (entry.pattern.test(text)) add(theme, entry.weight, entry.cue);
      }
    }
  }
  if (body.includes('```suggestion')) {
    for (const cue of codeCues(body, diffHunk)) add(cue.theme, cue.weight, cue.cue);
  }
  let best: Classification = { theme: 'other', score: 0, cues: [] };
  for (const theme of LEXICON_THEMES) {
    const entry = scores.get(theme);
    if (entry && entry.score > best.score) best = { theme, score: entry.score, cues: entry.cues };
  }
  if (best.score < MIN_SCORE) return { theme: 'other', score: best.score, cues: best.cues };
  return best;
}
