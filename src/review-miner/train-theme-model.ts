// Fits the theme model (theme-model.ts): multinomial logistic regression with L2 regularisation,
// full-batch Adam from zero weights, so the same data always gives the same model. Pure: the
// retraining script (scripts/train-review-miner-model.ts) reads the labelled sets and writes JSON.
import type { LabelledComment } from './evaluate-classifier';
import { scoreLexicon } from './lexicon-scores';
import { modelFeatures, type Features, type ThemeModel } from './theme-model';
import { THEMES, type Theme } from './taxonomy';

export interface TrainingExample {
  features: Features;
  label: Theme;
}

export interface TrainingOptions {
  /** L2 penalty on the weights (not the bias), per example. */
  l2: number;
  /** A word feature must occur in at least this many training comments. */
  minDocs: number;
  /** The L2 penalty on non-word features (lexicon scores, shape) is `l2` times this (default 1). */
  lexiconL2Scale?: number;
  epochs?: number;
  learningRate?: number;
}

/**
 * The settings the stored model is trained with, chosen by 5-fold cross-validation on the tuning
 * sets (`npx tsx scripts/train-review-miner-model.ts --cv`; see the fixture README).
 */
export const MODEL_SETTINGS: TrainingOptions = { l2: 0.004, minDocs: 2, lexiconL2Scale: 1 };

/** Labelled comments as training examples (the lexicon scores them first). */
export function trainingExamples(comments: LabelledComment[]): TrainingExample[] {
  return comments.map((c) => ({
    features: modelFeatures(scoreLexicon(c.body, c.diffHunk, c.path), c.body),
    label: c.label,
  }));
}

/** Weights this small are dropped from the stored model (they change no decision). */
const PRUNE_BELOW = 0.01;

export function trainThemeModel(examples: TrainingExample[], options: TrainingOptions): ThemeModel {
  const classes = [...THEMES];
  const K = classes.length;
  const docs = new Map<string, number>();
  for (const ex of examples) {
    for (const name of ex.features.keys()) docs.set(name, (docs.get(name) ?? 0) + 1);
  }
  const names = [...docs.keys()]
    .filter((n) => !n.startsWith('w:') || (docs.get(n) ?? 0) >= options.minDocs)
    .sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const rows = examples.map((ex) => ({
    x: [...ex.features].flatMap(([n, v]) => {
      const i = index.get(n);
      return i === undefined ? [] : [[i, v] as const];
    }),
    y: classes.indexOf(ex.label),
  }));
  const F = names.length;
  const W = new Float64Array(F * K);
  const b = new Float64Array(K);
  const adam = {
    mW: new Float64Array(F * K),
    vW: new Float64Array(F * K),
    mB: new Float64Array(K),
    vB: new Float64Array(K),
  };
  const epochs = options.epochs ?? 300;
  const lr = options.learningRate ?? 0.05;
  const n = Math.max(rows.length, 1);
  const penalty = Float64Array.from(names, (name) =>
    name.startsWith('w:') ? options.l2 : options.l2 * (options.lexiconL2Scale ?? 1),
  );
  const gW = new Float64Array(F * K);
  const gB = new Float64Array(K);
  const logits = new Float64Array(K);
  for (let t = 1; t <= epochs; t += 1) {
    gW.fill(0);
    gB.fill(0);
    for (const { x, y } of rows) {
      for (let k = 0; k < K; k += 1) logits[k] = b[k] as number;
      for (const [i, v] of x) {
        for (let k = 0; k < K; k += 1) {
          logits[k] = (logits[k] as number) + v * (W[i * K + k] as number);
        }
      }
      let max = -Infinity;
      for (let k = 0; k < K; k += 1) max = Math.max(max, logits[k] as number);
      let sum = 0;
      for (let k = 0; k < K; k += 1) {
        logits[k] = Math.exp((logits[k] as number) - max);
        sum += logits[k] as number;
      }
      for (let k = 0; k < K; k += 1) {
        const g = (logits[k] as number) / sum - (k === y ? 1 : 0);
        gB[k] = (gB[k] as number) + g / n;
        for (const [i, v] of x) gW[i * K + k] = (gW[i * K + k] as number) + (g * v) / n;
      }
    }
    for (let j = 0; j < F * K; j += 1) {
      gW[j] = (gW[j] as number) + (penalty[Math.floor(j / K)] as number) * (W[j] as number);
    }
    step(W, gW, adam.mW, adam.vW, lr, t);
    step(b, gB, adam.mB, adam.vB, lr, t);
  }
  const weights: Record<string, number[]> = {};
  names.forEach((name, i) => {
    const row = Array.from(W.subarray(i * K, i * K + K), round);
    if (row.some((w) => Math.abs(w) >= PRUNE_BELOW)) weights[name] = row;
  });
  return { classes, bias: Array.from(b, round), weights };
}

/** Three decimals; `|| 0` turns -0 into 0 so the stored JSON reads back equal. */
const round = (x: number): number => Math.round(x * 1000) / 1000 || 0;

function step(
  params: Float64Array,
  grad: Float64Array,
  m: Float64Array,
  v: Float64Array,
  lr: number,
  t: number,
): void {
  const b1 = 0.9;
  const b2 = 0.999;
  for (let j = 0; j < params.length; j += 1) {
    const g = grad[j] as number;
    m[j] = b1 * (m[j] as number) + (1 - b1) * g;
    v[j] = b2 * (v[j] as number) + (1 - b2) * g * g;
    const mHat = (m[j] as number) / (1 - b1 ** t);
    const vHat = (v[j] as number) / (1 - b2 ** t);
    params[j] = (params[j] as number) - (lr * mHat) / (Math.sqrt(vHat) + 1e-8);
  }
}
