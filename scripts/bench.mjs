#!/usr/bin/env node
// Runs every benchmark in scripts/bench/ in turn (TypeScript ones through tsx).
// Usage: npm run bench [-- name-filter]
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, 'scripts', 'bench');
const filter = process.argv[2];
const files = readdirSync(dir)
  .filter((f) => /\.(mjs|ts)$/.test(f) && !f.startsWith('_'))
  .filter((f) => !filter || f.includes(filter))
  .sort();
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const args = file.endsWith('.ts')
    ? [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(dir, file)]
    : [path.join(dir, file)];
  execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
}
