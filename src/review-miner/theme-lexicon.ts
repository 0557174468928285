// The classifier's lexicon: weighted cues per theme, read against the reviewer's own words.
// Transparent on purpose: every match is reported as a cue, so a maintainer can see why.
// Two kinds of entry: `words` (any of these lower-case words, looked up in the comment's word
// set, cheap; inflections fold onto them, see lexicon-index.ts) and `pattern` (a phrase or code
// shape, tried only when the comment has one of its gate words). Weights: 3+ is a strong cue that
// decides a theme alone, 1.5-2.5 a clear cue, below 1.5 a weak cue that only counts with others.
// The entries live in one file per group of themes; the key order is the tie-break order.
import type { Theme } from './taxonomy';
import { API_DESIGN, MAGIC_VALUES } from './theme-lexicon-api';
import { ERROR_HANDLING, NAMING, TESTS, TYPE_ANNOTATIONS } from './theme-lexicon-code';
import { PERFORMANCE, SECURITY } from './theme-lexicon-risk';
import { TYPO_SPELLING } from './theme-lexicon-spelling';
import {
  DOCS_COMMENTS,
  DUPLICATION_EXTRACT,
  LOGGING_DEBUG,
  STYLE_FORMATTING,
  UNUSED_CODE,
} from './theme-lexicon-upkeep';
import type { LexiconEntry } from './lexicon-entry';

export type { LexiconEntry } from './lexicon-entry';

export const LEXICON: Record<Exclude<Theme, 'other'>, LexiconEntry[]> = {
  'type-annotations': TYPE_ANNOTATIONS,
  'error-handling': ERROR_HANDLING,
  tests: TESTS,
  naming: NAMING,
  'docs-comments': DOCS_COMMENTS,
  'duplication-extract': DUPLICATION_EXTRACT,
  'style-formatting': STYLE_FORMATTING,
  'logging-debug': LOGGING_DEBUG,
  'unused-code': UNUSED_CODE,
  'magic-values': MAGIC_VALUES,
  performance: PERFORMANCE,
  security: SECURITY,
  'typo-spelling': TYPO_SPELLING,
  'api-design': API_DESIGN,
};
