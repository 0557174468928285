// Which of the wanted names occur anywhere in the code (every non-doc file, binary and very
// large files skipped). A name anywhere counts as present: precision comes first.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { collectWanted } from './tokens';

const MAX_BYTES = 2_000_000;

export async function readTextFiles(
  root: string,
  files: string[],
  visit: (file: string, text: string) => void,
  concurrency = 32,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++] as string;
      try {
        const buffer = await readFile(path.join(root, file));
        if (buffer.length > MAX_BYTES || buffer.subarray(0, 8000).includes(0)) continue;
        visit(file, buffer.toString('utf8'));
      } catch {
        // unreadable (broken symlink, permission): not code we can judge
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

export async function findPresentNames(
  root: string,
  codeFiles: string[],
  wanted: Set<string>,
): Promise<Set<string>> {
  const found = new Set<string>();
  if (wanted.size === 0) return found;
  await readTextFiles(root, codeFiles, (_file, text) => collectWanted(text, wanted, found));
  return found;
}
