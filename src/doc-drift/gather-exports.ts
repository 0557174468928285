// Which modules are public, and what they export. `public` globs choose the files; without
// them, the package's own entry points (package.json `exports`, `types`, `module`, `main`).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { minimatch } from 'minimatch';
import { goExports } from './exports/go-exports';
import type { ExportedName } from './exports/model';
import { pythonExports } from './exports/python-exports';
import { parserFor } from './exports/tree-sitter';

const TS = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

function entryStrings(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) entryStrings(v, out);
  else if (value && typeof value === 'object')
    for (const v of Object.values(value)) entryStrings(v, out);
}

/** The package's entry points that exist in the listing, mapped from build output to source when possible. */
export function packageEntryPoints(root: string, files: Set<string>): string[] {
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >;
  } catch {
    return [];
  }
  const raw: string[] = [];
  for (const key of ['exports', 'types', 'typings', 'module', 'main'])
    entryStrings(manifest[key], raw);
  const entries = new Set<string>();
  for (const entry of raw) {
    const rel = path.posix.normalize(entry.replace(/^\.\//, ''));
    if (rel.includes('*') || rel.endsWith('.json')) continue;
    const stem = rel.replace(/(\.d)?\.(m|c)?[jt]sx?$/, '');
    const source = ['.ts', '.tsx', '.mts'].flatMap((e) => [
      stem + e,
      stem.replace(/^(dist|lib|build|out)\//, 'src/') + e,
    ]);
    const found = [...source, rel].find((c) => files.has(c));
    if (found && TS.test(found)) entries.add(found);
  }
  return [...entries];
}

export async function gatherExports(
  root: string,
  files: string[],
  publicGlobs: string[],
): Promise<ExportedName[]> {
  const fileSet = new Set(files);
  const read = (file: string) => {
    if (!fileSet.has(file)) return undefined;
    try {
      return readFileSync(path.join(root, file), 'utf8');
    } catch {
      return undefined;
    }
  };
  const chosen =
    publicGlobs.length > 0
      ? files.filter(
          (f) =>
            publicGlobs.some((g) => (g.startsWith('!') ? false : minimatch(f, g, { dot: true }))) &&
            !publicGlobs.some((g) => g.startsWith('!') && minimatch(f, g.slice(1), { dot: true })),
        )
      : packageEntryPoints(root, fileSet);
  const out: ExportedName[] = [];
  const seen = new Set<string>();
  // The TypeScript compiler is large: load it only when there is a module for it to read.
  let typescript: typeof import('./exports/typescript-exports') | undefined;
  for (const file of chosen) {
    if (TS.test(file) && !file.endsWith('.test.ts')) {
      typescript ??= await import('./exports/typescript-exports');
      out.push(...typescript.typescriptExports(file, read, seen));
    } else if (file.endsWith('.py') && !/(^|\/)test_[^/]*\.py$|_test\.py$/.test(file)) {
      const text = read(file);
      if (text !== undefined) out.push(...pythonExports(await parserFor('python'), file, text));
    } else if (file.endsWith('.go') && !file.endsWith('_test.go')) {
      const text = read(file);
      if (text !== undefined) out.push(...goExports(await parserFor('go'), file, text));
    }
  }
  return out;
}
