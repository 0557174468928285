// The repository a generator script works on: `--root DIR`, else the checkout holding scripts/.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function repoRoot(argv) {
  const at = argv.indexOf('--root');
  return at >= 0
    ? path.resolve(argv[at + 1] ?? '.')
    : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
}
