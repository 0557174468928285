// Retrains review-miner's theme model (src/review-miner/theme-model.json) on the tuning sets
// test/fixtures/review-miner/labelled-comments*.jsonl. The held-out sets in holdout/ are never
// read here.
// Run: npx tsx scripts/train-review-miner-model.ts         train with the settings below, write JSON
//      npx tsx scripts/train-review-miner-model.ts --cv    5-fold cross-validation over a grid of
//                                                          L2, minimum word count and abstention
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { decideTheme, lexiconDecision } from '../src/review-miner/classify-comment';
import type { LabelledComment } from '../src/review-miner/evaluate-classifier';
import { scoreLexicon, type LexiconScores } from '../src/review-miner/lexicon-scores';
import { labelledSetFiles, readLabelledFiles } from '../src/review-miner/read-labelled-comments';
import { modelFeatures, type ThemeModel } from '../src/review-miner/theme-model';
import {
  MODEL_SETTINGS,
  trainThemeModel,
  trainingExamples,
  type TrainingOptions,
} from '../src/review-miner/train-theme-model';

/** LEXICON_TRUST and MIN_CONFIDENCE in classify-comment.ts come from the same `--cv` run. */
const SETTINGS = MODEL_SETTINGS;

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = path.join(root, 'test', 'fixtures', 'review-miner');
const files = labelledSetFiles(fixtures);

/** `fresh`: set 7, collected after the lexicon was written, so its cues were never fitted to it. */
const FRESH = 'labelled-comments-7.jsonl';

interface Item {
  comment: LabelledComment;
  set: string;
  scores: LexiconScores;
}

const items: Item[] = files.flatMap((file) =>
  readLabelledFiles([file]).map((comment) => ({
    comment,
    set: path.basename(file),
    scores: scoreLexicon(comment.body, comment.diffHunk, comment.path),
  })),
);

function train(subset: Item[], options: TrainingOptions): ThemeModel {
  return trainThemeModel(
    subset.map((i) => ({
      features: modelFeatures(i.scores, i.comment.body),
      label: i.comment.label,
    })),
    options,
  );
}

/** Stable fold per comment: stratified by label, ordered by id. */
function folds(k: number): number[] {
  const fold = new Array<number>(items.length).fill(0);
  const byLabel = new Map<string, number[]>();
  items.forEach((item, i) => {
    const list = byLabel.get(item.comment.label) ?? [];
    list.push(i);
    byLabel.set(item.comment.label, list);
  });
  let next = 0;
  for (const label of [...byLabel.keys()].sort()) {
    const list = (byLabel.get(label) ?? []).sort((a, b) =>
      (items[a]?.comment.id ?? '').localeCompare(items[b]?.comment.id ?? ''),
    );
    for (const i of list) fold[i] = next++ % k;
  }
  return fold;
}

interface Score {
  accuracy: number;
  fresh: number;
  themedPrecision: number;
  themed: number;
}

function score(predicted: string[]): Score {
  let correct = 0;
  let freshCorrect = 0;
  let freshTotal = 0;
  let themed = 0;
  let themedCorrect = 0;
  items.forEach((item, i) => {
    const ok = predicted[i] === item.comment.label;
    if (ok) correct += 1;
    if (item.set === FRESH) {
      freshTotal += 1;
      if (ok) freshCorrect += 1;
    }
    if (predicted[i] !== 'other') {
      themed += 1;
      if (ok) themedCorrect += 1;
    }
  });
  return {
    accuracy: correct / items.length,
    fresh: freshTotal === 0 ? 0 : freshCorrect / freshTotal,
    themedPrecision: themed === 0 ? 0 : themedCorrect / themed,
    themed,
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const line = (name: string, s: Score): string =>
  // mean: the selection criterion (overall and set-7 out-of-fold accuracy)
  `${name.padEnd(46)} acc ${pct(s.accuracy).padStart(6)}  set7 ${pct(s.fresh).padStart(6)}  themed precision ${pct(s.themedPrecision).padStart(6)} (${s.themed})  mean ${pct((s.accuracy + s.fresh) / 2)}`;

function crossValidate(): void {
  const k = 5;
  const fold = folds(k);
  process.stdout.write(`${items.length} tuning comments from ${files.length} sets, ${k} folds\n`);
  process.stdout.write(
    `${line('lexicon only', score(items.map((i) => lexiconDecision(i.scores).theme)))}\n`,
  );
  const minDocs = SETTINGS.minDocs;
  const trusts = [Infinity, 4, 3, 2.5, 2, 1.5];
  for (const l2 of [0.002, 0.004, 0.008]) {
    for (const lexiconL2Scale of [1, 0.3]) {
      const models = Array.from({ length: k }, (_, f) =>
        train(
          items.filter((_, i) => fold[i] !== f),
          { l2, minDocs, lexiconL2Scale },
        ),
      );
      for (const trust of trusts) {
        for (const minConfidence of [0.3, 0.35, 0.4, 0.45, 0.5]) {
          const predicted = items.map(
            (item, i) =>
              decideTheme(
                item.scores,
                item.comment.body,
                models[fold[i] ?? 0],
                minConfidence,
                trust,
              ).theme,
          );
          const name = `l2 ${l2} lex x${lexiconL2Scale} trust ${trust} conf ${minConfidence}`;
          process.stdout.write(`${line(name, score(predicted))}\n`);
        }
      }
    }
  }
}

if (process.argv.includes('--cv')) crossValidate();
else {
  const model = trainThemeModel(trainingExamples(items.map((i) => i.comment)), SETTINGS);
  model.trainedOn = {
    comments: items.length,
    sets: files.map((f) => path.basename(f)),
    l2: SETTINGS.l2,
    minDocs: SETTINGS.minDocs,
    lexiconL2Scale: SETTINGS.lexiconL2Scale ?? 1,
  };
  const out = path.join(root, 'src', 'review-miner', 'theme-model.json');
  // Formatted as the repository's prettier config wants, so `npm run lint` passes on it.
  const options = (await resolveConfig(out)) ?? {};
  writeFileSync(out, await format(JSON.stringify(model), { ...options, filepath: out }));
  process.stdout.write(
    `wrote ${path.relative(root, out)}: ${Object.keys(model.weights).length} features, ${items.length} comments\n`,
  );
}
