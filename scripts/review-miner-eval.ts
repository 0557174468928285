// Prints the review-miner classifier's per-theme precision and recall over every labelled set
// (test/fixtures/review-miner/labelled-comments*.jsonl).
// Run: npx tsx scripts/review-miner-eval.ts [--mistakes]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateClassifier, renderEvaluation } from '../src/review-miner/evaluate-classifier';
import { labelledSetFiles, readLabelledComments } from '../src/review-miner/read-labelled-comments';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'review-miner');
const items = readLabelledComments(dir);
const evaluation = evaluateClassifier(items);
process.stdout.write(`sets: ${labelledSetFiles(dir).map((f) => path.basename(f)).join(', ')}\n\n`);
process.stdout.write(`${renderEvaluation(evaluation)}\n`);
if (process.argv.includes('--mistakes')) {
  const byId = new Map(items.map((i) => [i.id, i]));
  for (const m of evaluation.mistakes) {
    const body = (byId.get(m.id)?.body ?? '').replace(/\s+/g, ' ').slice(0, 140);
    process.stdout.write(`  ${m.id}: labelled ${m.label}, predicted ${m.predicted} | ${body}\n`);
  }
}
