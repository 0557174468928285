// Prints the review-miner classifier's per-theme precision and recall.
// Run: npx tsx scripts/review-miner-eval.ts [--holdout] [--mistakes] [FILE-OR-GLOB...]
//   (no argument)  the main labelled sets: test/fixtures/review-miner/labelled-comments*.jsonl
//   --holdout      only the held-out sets in test/fixtures/review-miner/holdout/ (never tuned on)
//   FILE-OR-GLOB   these files instead, e.g. 'test/fixtures/review-miner/labelled-comments-3*.jsonl'
//   --mistakes     also list every misclassified comment
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateClassifier, renderEvaluation } from '../src/review-miner/evaluate-classifier';
import { labelledSetFiles, readLabelledFiles } from '../src/review-miner/read-labelled-comments';

const fixtures = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'test',
  'fixtures',
  'review-miner',
);
const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const patterns = args.filter((a) => !a.startsWith('--'));
const unknown = [...flags].filter((f) => f !== '--holdout' && f !== '--mistakes');
if (unknown.length > 0)
  fail(`unknown option ${unknown.join(', ')}; use --holdout, --mistakes or file paths/globs`);

function fail(message: string): never {
  process.stderr.write(`review-miner-eval: ${message}\n`);
  process.exit(2);
}

/** `*` and `?` in the last path segment only: enough for `dir/labelled-comments-*.jsonl`. */
function expand(pattern: string): string[] {
  if (!/[*?]/.test(path.basename(pattern))) {
    if (!existsSync(pattern)) fail(`${pattern} does not exist`);
    return statSync(pattern).isDirectory() ? labelledSetFiles(pattern) : [pattern];
  }
  const dir = path.dirname(pattern);
  if (/[*?]/.test(dir)) fail(`${pattern}: wildcards are supported in the file name only`);
  const escaped = path.basename(pattern).replace(/[.+^${}()|[\]\\]/g, '\\$&');
  const matcher = new RegExp(`^${escaped.replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => matcher.test(name))
        .sort()
        .map((name) => path.join(dir, name))
    : [];
}

function selectFiles(): string[] {
  if (patterns.length > 0) return [...new Set(patterns.flatMap(expand))];
  if (!flags.has('--holdout')) return labelledSetFiles(fixtures);
  const holdout = path.join(fixtures, 'holdout');
  return existsSync(holdout) ? labelledSetFiles(holdout) : [];
}

const files = selectFiles();
if (files.length === 0)
  fail(
    flags.has('--holdout')
      ? `no held-out set yet in ${path.join(fixtures, 'holdout')}`
      : 'no labelled set matched',
  );
const items = readLabelledFiles(files);
const evaluation = evaluateClassifier(items);
process.stdout.write(`sets: ${files.map((f) => path.relative(fixtures, f)).join(', ')}\n\n`);
process.stdout.write(`${renderEvaluation(evaluation)}\n`);
if (files.length > 1) {
  // Each set on its own too: the held-out sets were collected at different times.
  for (const file of files) {
    const own = evaluateClassifier(readLabelledFiles([file]));
    const [themed = '', overall = ''] = renderEvaluation(own).split('\n').slice(-2);
    process.stdout.write(
      `  ${path.relative(fixtures, file)}: ${overall.replace(/^overall /, '')}; ${themed}\n`,
    );
  }
}
if (flags.has('--mistakes')) {
  const byId = new Map(items.map((i) => [i.id, i]));
  for (const m of evaluation.mistakes) {
    const body = (byId.get(m.id)?.body ?? '').replace(/\s+/g, ' ').slice(0, 140);
    process.stdout.write(`  ${m.id}: labelled ${m.label}, predicted ${m.predicted} | ${body}\n`);
  }
}
