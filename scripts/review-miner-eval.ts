// Prints the review-miner classifier's per-theme precision and recall over the labelled fixture.
// Run: npx tsx scripts/review-miner-eval.ts [--mistakes]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateClassifier, renderEvaluation, type LabelledComment } from '../src/review-miner/evaluate-classifier';

const here = path.dirname(fileURLToPath(import.meta.url));
const file = path.join(here, '..', 'test', 'fixtures', 'review-miner', 'labelled-comments.jsonl');
const items = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as LabelledComment);
const evaluation = evaluateClassifier(items);
process.stdout.write(`${renderEvaluation(evaluation)}\n`);
if (process.argv.includes('--mistakes')) {
  for (const m of evaluation.mistakes) process.stdout.write(`  ${m.id}: labelled ${m.label}, predicted ${m.predicted}\n`);
}
