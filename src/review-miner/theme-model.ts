// The statistical half of the classifier: a multinomial logistic regression over the comment's
// word stems plus the lexicon's own scores (features below), trained on the labelled sets of real
// review comments by `npx tsx scripts/train-review-miner-model.ts` and stored as
// `theme-model.json`. It learns how far to trust each lexicon cue on real comments and picks up
// the plain words reviewers use for a theme ("rename", "imports", "anymore") that no single cue
// decides. Deterministic and offline: the model is data, read once.
import type { LexiconScores } from './lexicon-scores';
import { isTheme, type Theme } from './taxonomy';

export interface ThemeModel {
  /** Output classes, in the order of every weight vector. */
  classes: Theme[];
  bias: number[];
  /** Feature name -> one weight per class. */
  weights: Record<string, number[]>;
  /** How the model was trained (documentation only). */
  trainedOn?: {
    comments: number;
    sets: string[];
    l2: number;
    minDocs: number;
    lexiconL2Scale: number;
  };
}

/** Features are sparse: name -> value. */
export type Features = Map<string, number>;

/** A theme's lexicon score saturates here (a strong cue is about 3). */
const LEXICON_CAP = 6;
/** The lexicon's own minimum for a theme (see classify-comment.ts). */
export const LEXICON_MIN_SCORE = 1.5;

const STEM_CACHE = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

/** A light English stemmer: plurals, -ing, -ed, -ly, doubled consonants, final e. */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  const cached = STEM_CACHE.get(word);
  if (cached !== undefined) return cached;
  let w = word.replace(/'s$/, '');
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2);
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(?:ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  if (STEM_CACHE.size >= STEM_CACHE_LIMIT) STEM_CACHE.clear();
  STEM_CACHE.set(word, w);
  return w;
}

/** Tokens that carry no theme on their own: numbers and one-letter words. */
const NOISE = /^(?:\d+|[a-z])$/;

/**
 * Function words (articles, pronouns, auxiliaries, prepositions, conjunctions): on a few hundred
 * comments they pick up chance weights ("it" for naming, from "call it X"), so they are left out.
 */
const STOPWORDS = new Set(
  (
    "a an the this that these those it its it's is are was were be been being am do does did " +
    'doing to of in on at for with by from as into about and or but if then than so there here ' +
    'we you i me my our your they them their he she his her us will would can could shall may ' +
    'might must have has had just also which who whom what when where while some any each ' +
    "other such only own same too very s t don't"
  ).split(' '),
);

/** The model's view of one comment. */
export function modelFeatures(scores: LexiconScores, body: string): Features {
  const features: Features = new Map();
  for (const word of scores.words) {
    if (NOISE.test(word) || STOPWORDS.has(word)) continue;
    features.set(`w:${stem(word)}`, 1);
  }
  for (const { theme, score } of scores.themes) {
    features.set(`lex:${theme}`, Math.min(score, LEXICON_CAP) / 3);
  }
  const top = scores.themes[0];
  if (top && top.score >= LEXICON_MIN_SCORE && scores.process.score < top.score) {
    features.set(`top:${top.theme}`, 1);
  }
  if (scores.process.score > 0) features.set('process', scores.process.score / 2.5);
  if (body.includes('`')) features.set('has:code', 1);
  if (/\?\s*$/.test(body)) features.set('has:question', 1);
  return features;
}

/** Class probabilities (softmax over the linear scores), in `model.classes` order. */
export function predictProbabilities(model: ThemeModel, features: Features): number[] {
  const logits = [...model.bias];
  for (const [name, value] of features) {
    const weights = model.weights[name];
    if (!weights) continue;
    for (let k = 0; k < logits.length; k += 1)
      logits[k] = (logits[k] ?? 0) + value * (weights[k] ?? 0);
  }
  const max = Math.max(...logits);
  const exps = logits.map((l) => Math.exp(l - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((x) => x / sum);
}

/** Checks a parsed model file: known themes, one weight per class everywhere. */
export function validateThemeModel(value: unknown): ThemeModel {
  const model = value as ThemeModel;
  const ok =
    Array.isArray(model?.classes) &&
    model.classes.every((c) => isTheme(c)) &&
    Array.isArray(model.bias) &&
    model.bias.length === model.classes.length &&
    typeof model.weights === 'object' &&
    Object.values(model.weights).every(
      (w) => Array.isArray(w) && w.length === model.classes.length,
    );
  if (!ok) throw new Error('review-miner theme model: malformed model file (retrain it)');
  return model;
}
