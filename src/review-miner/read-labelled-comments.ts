// Reads every labelled comment set (`labelled-comments*.jsonl`) in a folder: one JSON object per
// line with at least `id`, `body` and `label` (see test/fixtures/review-miner/README.md).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { LabelledComment } from './evaluate-classifier';
import { isTheme } from './taxonomy';

export function labelledSetFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => /^labelled-comments.*\.jsonl$/.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}

export function readLabelledComments(dir: string): LabelledComment[] {
  return readLabelledFiles(labelledSetFiles(dir));
}

/** Reads the given labelled-comment files (JSON lines), in order. */
export function readLabelledFiles(files: string[]): LabelledComment[] {
  const items: LabelledComment[] = [];
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      const item = JSON.parse(line) as LabelledComment;
      if (typeof item.body !== 'string' || !isTheme(item.label)) {
        throw new Error(
          `${path.basename(file)}:${index + 1}: a labelled comment needs a \`body\` and a known theme \`label\``,
        );
      }
      items.push(item);
    });
  }
  return items;
}
