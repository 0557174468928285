import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateClassifier } from '../../src/review-miner/evaluate-classifier';
import {
  labelledSetFiles,
  readLabelledComments,
} from '../../src/review-miner/read-labelled-comments';

const fixtures = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'fixtures',
  'review-miner',
);
const holdout = path.join(fixtures, 'holdout');
const hasHoldout = existsSync(holdout) && labelledSetFiles(holdout).length > 0;

describe('classifier accuracy on the main labelled sets (tuned on)', () => {
  it('reaches at least 72% over the main sets of real review comments', () => {
    const items = readLabelledComments(fixtures);
    expect(items.length).toBeGreaterThanOrEqual(180);
    // Measured 76.1% over 754 comments with the theme model (trained on these sets, so this is an
    // in-sample figure; 5-fold cross-validation gives 67.0%); see the fixture README. Set 9 (real
    // CodeReviewer comments, half `other`) is harder than sets 1-5, hence the lower floor.
    expect(evaluateClassifier(items).accuracy).toBeGreaterThanOrEqual(0.72);
  });

  it('predicts `other` no more often than the labels say, give or take ten points', () => {
    const evaluation = evaluateClassifier(readLabelledComments(fixtures));
    const other = evaluation.themes.find((t) => t.theme === 'other');
    // Set 7 (real comments as they come, about half of them outside the taxonomy) made `other` a
    // third of the labels, so a fixed cap of a quarter no longer says anything. Measured: 344
    // predicted for 297 labelled over 754 comments.
    const labelledShare = (other?.support ?? 0) / evaluation.total;
    expect((other?.predicted ?? 0) / evaluation.total).toBeLessThanOrEqual(labelledShare + 0.1);
  });
});

describe('classifier accuracy on the held-out set (never tuned on)', () => {
  (hasHoldout ? it : it.skip)(
    'reaches at least 40% on the held-out set in test/fixtures/review-miner/holdout/',
    () => {
      const items = readLabelledComments(holdout);
      expect(items.length).toBeGreaterThanOrEqual(50);
      // Measured once, after the last classifier change: 43.6% over 78 comments (42.3% before the
      // generalisation rework). Not tuned on afterwards.
      expect(evaluateClassifier(items).accuracy).toBeGreaterThanOrEqual(0.4);
    },
  );
});
