#!/usr/bin/env node
// Some registries serve only the platform packages of the machine that installs (for example
// a mirror with only linux-x64 binaries). npm then leaves the other platforms' optional
// dependencies out of package-lock.json, and `npm ci` refuses the lockfile as out of sync.
// This adds an optional placeholder entry for every optional dependency the lockfile lacks,
// which `npm ci` accepts and skips on platforms that do not need it.
// Usage: node scripts/fix-lockfile.mjs [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = path.join(root, 'package-lock.json');
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages ?? {};

/** Where node's resolution would find `name` from the package at `from`, if anywhere. */
function resolves(from, name) {
  let dir = from;
  for (;;) {
    const candidate = dir === '' ? `node_modules/${name}` : `${dir}/node_modules/${name}`;
    if (packages[candidate]) return true;
    if (dir === '') return false;
    const at = dir.lastIndexOf('/node_modules/');
    dir = at === -1 ? '' : dir.slice(0, at);
  }
}

const missing = [];
for (const [location, entry] of Object.entries(packages)) {
  for (const name of Object.keys(entry.optionalDependencies ?? {})) {
    if (!resolves(location, name)) missing.push({ location, name, dev: entry.dev === true });
  }
}

if (process.argv.includes('--check')) {
  for (const m of missing)
    console.error(`missing optional dependency ${m.name} of ${m.location || 'the root'}`);
  process.exit(missing.length === 0 ? 0 : 1);
}
for (const m of missing) {
  const key = m.location === '' ? `node_modules/${m.name}` : `${m.location}/node_modules/${m.name}`;
  packages[key] = m.dev ? { dev: true, optional: true } : { optional: true };
}
const sorted = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
lock.packages = sorted;
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${missing.length} optional placeholder(s) to package-lock.json`);
