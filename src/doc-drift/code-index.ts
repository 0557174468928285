// Which of the wanted names occur anywhere in the code (every non-doc file, binary and very
// large files skipped). A name anywhere counts as present: precision comes first.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { wantedScanner } from './tokens';

const MAX_BYTES = 2_000_000;

/**
 * Reads the files one after the other, synchronously (a small file costs several times more
 * through promises), letting other work (a git walk's output) through every few hundred files.
 */
export async function readTextFiles(
  root: string,
  files: string[],
  visit: (file: string, text: string) => void,
): Promise<void> {
  for (let i = 0; i < files.length; i++) {
    if (i % 500 === 499) await new Promise((resolve) => setImmediate(resolve));
    const file = files[i] as string;
    let buffer: Buffer;
    try {
      buffer = readFileSync(path.join(root, file));
    } catch {
      continue; // unreadable (broken symlink, permission, folder): not code we can judge
    }
    if (buffer.length > MAX_BYTES || buffer.subarray(0, 8000).includes(0)) continue;
    visit(file, buffer.toString('utf8'));
  }
}

export async function findPresentNames(
  root: string,
  codeFiles: string[],
  wanted: Set<string>,
): Promise<Set<string>> {
  const found = new Set<string>();
  if (wanted.size === 0) return found;
  const scan = wantedScanner(wanted);
  await readTextFiles(root, codeFiles, (_file, text) => scan(text, found));
  return found;
}
