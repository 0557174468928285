// Finds a file inside an installed package the way Node finds packages (node_modules of this
// folder or an ancestor), for packages whose `exports` hide the data files the emulator reads.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function packageFile(pkg: string, ...rel: string[]): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'node_modules', ...pkg.split('/'), ...rel);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`${pkg} is not installed: run npm ci`);
    dir = parent;
  }
}
