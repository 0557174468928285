// Precision and recall of the classifier per theme over a labelled set.
import { classifyComment } from './classify-comment';
import { THEMES, type Theme } from './taxonomy';

export interface LabelledComment {
  id: string;
  body: string;
  label: Theme;
  diffHunk?: string;
  /** The file an inline comment sits on, when known. */
  path?: string;
}

export interface ThemeScore {
  theme: Theme;
  support: number;
  predicted: number;
  truePositives: number;
  precision: number | null;
  recall: number | null;
}

export interface Evaluation {
  total: number;
  accuracy: number;
  /** Predictions other than `other`, and how many of them were right (themed precision). */
  themed: { predicted: number; correct: number };
  themes: ThemeScore[];
  mistakes: { id: string; label: Theme; predicted: Theme }[];
}

export function evaluateClassifier(items: LabelledComment[]): Evaluation {
  const predicted = items.map((item) => classifyComment(item.body, item.diffHunk, item.path).theme);
  const themes = THEMES.map((theme): ThemeScore => {
    const support = items.filter((item) => item.label === theme).length;
    const predictedCount = predicted.filter((p) => p === theme).length;
    const tp = items.filter((item, i) => item.label === theme && predicted[i] === theme).length;
    return {
      theme,
      support,
      predicted: predictedCount,
      truePositives: tp,
      precision: predictedCount === 0 ? null : tp / predictedCount,
      recall: support === 0 ? null : tp / support,
    };
  });
  const correct = items.filter((item, i) => item.label === predicted[i]).length;
  const themedIndices = predicted.flatMap((p, i) => (p === 'other' ? [] : [i]));
  return {
    total: items.length,
    accuracy: items.length === 0 ? 0 : correct / items.length,
    themed: {
      predicted: themedIndices.length,
      correct: themedIndices.filter((i) => items[i]?.label === predicted[i]).length,
    },
    themes,
    mistakes: items
      .map((item, i) => ({ id: item.id, label: item.label, predicted: predicted[i] as Theme }))
      .filter((m) => m.label !== m.predicted),
  };
}

const pct = (x: number | null): string =>
  x === null ? '   -  ' : `${(x * 100).toFixed(1).padStart(5)}%`;

export function renderEvaluation(evaluation: Evaluation): string {
  const lines = ['theme                 support  predicted  precision  recall'];
  for (const t of evaluation.themes) {
    if (t.support === 0 && t.predicted === 0) continue;
    lines.push(
      `${t.theme.padEnd(22)}${String(t.support).padStart(7)}${String(t.predicted).padStart(11)}     ${pct(t.precision)}  ${pct(t.recall)}`,
    );
  }
  const { themed } = evaluation;
  lines.push(
    '',
    `themed precision: ${pct(themed.predicted === 0 ? null : themed.correct / themed.predicted)} (${themed.correct}/${themed.predicted} predictions other than \`other\`)`,
    `overall accuracy: ${pct(evaluation.accuracy)} over ${evaluation.total} labelled comments`,
  );
  return lines.join('\n');
}
