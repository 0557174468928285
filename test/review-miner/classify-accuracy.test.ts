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
  it('reaches at least 78% over the main sets of real review comments', () => {
    const items = readLabelledComments(fixtures);
    expect(items.length).toBeGreaterThanOrEqual(180);
    // Measured 81.8% over 181 comments (71.3% before the generalisation rework); see the fixture README.
    expect(evaluateClassifier(items).accuracy).toBeGreaterThanOrEqual(0.78);
  });

  it('predicts `other` for at most a quarter of the labelled comments', () => {
    const evaluation = evaluateClassifier(readLabelledComments(fixtures));
    const other = evaluation.themes.find((t) => t.theme === 'other');
    // Measured 31 of 181 (17%); 43 (24%) before the rework.
    expect((other?.predicted ?? 0) / evaluation.total).toBeLessThanOrEqual(1 / 4);
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
