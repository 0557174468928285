import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { THEME_MODEL, decideTheme } from '../../src/review-miner/classify-comment';
import { scoreLexicon } from '../../src/review-miner/lexicon-scores';
import { readLabelledComments } from '../../src/review-miner/read-labelled-comments';
import {
  predictProbabilities,
  stem,
  validateThemeModel,
  type ThemeModel,
} from '../../src/review-miner/theme-model';
import {
  MODEL_SETTINGS,
  trainThemeModel,
  trainingExamples,
} from '../../src/review-miner/train-theme-model';
import { THEMES, type Theme } from '../../src/review-miner/taxonomy';

const fixtures = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'fixtures',
  'review-miner',
);

const example = (words: string[], label: Theme) => ({
  features: new Map(words.map((w) => [`w:${w}`, 1])),
  label,
});

/** A model that puts all its weight on one class for one word feature. */
function oneWordModel(word: string, theme: Theme, weight: number): ThemeModel {
  const row = THEMES.map((t) => (t === theme ? weight : 0));
  return { classes: [...THEMES], bias: THEMES.map(() => 0), weights: { [`w:${word}`]: row } };
}

describe('theme model: training', () => {
  const data = [
    ...Array.from({ length: 6 }, () => example(['flaky', 'assert'], 'tests')),
    ...Array.from({ length: 6 }, () => example(['rename', 'clearer'], 'naming')),
    ...Array.from({ length: 6 }, () => example(['merge', 'later'], 'other')),
    example(['once'], 'other'),
  ];

  it('learns which words point to which theme', () => {
    const model = trainThemeModel(data, { l2: 0.001, minDocs: 2 });
    const p = predictProbabilities(model, new Map([['w:flaky', 1]]));
    expect(model.classes[p.indexOf(Math.max(...p))]).toBe('tests');
    const q = predictProbabilities(model, new Map([['w:rename', 1]]));
    expect(model.classes[q.indexOf(Math.max(...q))]).toBe('naming');
  });

  it('is deterministic: the same data gives the same model', () => {
    const options = { l2: 0.004, minDocs: 2, epochs: 50 };
    expect(trainThemeModel(data, options)).toEqual(trainThemeModel(data, options));
  });

  it('leaves out words seen in fewer than minDocs comments', () => {
    const model = trainThemeModel(data, { l2: 0.001, minDocs: 2 });
    expect(model.weights['w:once']).toBeUndefined();
    expect(model.weights['w:flaky']).toBeDefined();
  });
});

describe('theme model: prediction', () => {
  it('gives probabilities that sum to one, one per class', () => {
    const p = predictProbabilities(THEME_MODEL, new Map([['w:renam', 1]]));
    expect(p).toHaveLength(THEME_MODEL.classes.length);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });

  it('folds inflections onto one stem', () => {
    expect(stem('renamed')).toBe(stem('rename'));
    expect(stem('naming')).toBe(stem('name'));
    expect(stem('imports')).toBe(stem('import'));
    expect(stem('properties')).toBe(stem('property'));
  });

  it('rejects a model file whose weights do not match its classes', () => {
    expect(() =>
      validateThemeModel({ classes: ['tests', 'other'], bias: [0, 0], weights: { 'w:x': [1] } }),
    ).toThrow(/malformed/);
    expect(() => validateThemeModel({ classes: ['nonsense'], bias: [0], weights: {} })).toThrow();
  });
});

describe('theme model: decision and abstention', () => {
  const body = 'Could you rename this?';
  const scores = scoreLexicon(body);

  it('abstains to `other` when the best theme is below the minimum confidence', () => {
    const model = oneWordModel('renam', 'naming', 1);
    const weak = decideTheme(scores, body, model, 0.99, Infinity);
    expect(weak.theme).toBe('other');
    const strong = decideTheme(scores, body, oneWordModel('renam', 'naming', 20), 0.5, Infinity);
    expect(strong.theme).toBe('naming');
    expect(strong.confidence).toBeGreaterThan(0.5);
  });

  it('keeps a lexicon theme at or above the trust score whatever the model says', () => {
    const text = 'Please remove the leftover `console.log` before merging.';
    const lexicon = scoreLexicon(text);
    expect(lexicon.themes[0]?.theme).toBe('logging-debug');
    const model = oneWordModel('leftover', 'tests', 50);
    expect(decideTheme(lexicon, text, model, 0.3, 2).theme).toBe('logging-debug');
    expect(decideTheme(lexicon, text, model, 0.3, Infinity).theme).toBe('tests');
  });

  it('reports the model confidence among the cues when the model decides', () => {
    const text = 'Please add a unit test for the empty input.';
    const decided = decideTheme(scoreLexicon(text), text, THEME_MODEL, 0.3, Infinity);
    expect(decided.cues.join(' ')).toMatch(/model confidence \d\.\d\d/);
  });
});

describe('theme model: the stored model', () => {
  it('is what retraining on the tuning sets produces (scripts/train-review-miner-model.ts)', () => {
    const retrained = trainThemeModel(
      trainingExamples(readLabelledComments(fixtures)),
      MODEL_SETTINGS,
    );
    expect(THEME_MODEL.weights).toEqual(retrained.weights);
    expect(THEME_MODEL.bias).toEqual(retrained.bias);
  });
});
