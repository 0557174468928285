// Finds the linters a repository already configures (the checks a theme can map to).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { LinterKind } from './theme-rules';

export interface LinterConfig {
  kind: LinterKind;
  /** Repository-relative path. */
  file: string;
  format: 'toml' | 'js' | 'json' | 'yaml';
  /** Legacy `.eslintrc*` (vs flat `eslint.config.*`). */
  legacy?: boolean;
  text: string;
}

const ESLINT_FLAT = [
  'eslint.config.js',
  'eslint.config.mjs',
  'eslint.config.cjs',
  'eslint.config.ts',
  'eslint.config.mts',
  'eslint.config.cts',
];
const ESLINT_LEGACY: [string, LinterConfig['format']][] = [
  ['.eslintrc.json', 'json'],
  ['.eslintrc', 'json'],
  ['.eslintrc.js', 'js'],
  ['.eslintrc.cjs', 'js'],
  ['.eslintrc.yml', 'yaml'],
  ['.eslintrc.yaml', 'yaml'],
];
const GOLANGCI: [string, LinterConfig['format']][] = [
  ['.golangci.yml', 'yaml'],
  ['.golangci.yaml', 'yaml'],
  ['.golangci.toml', 'toml'],
  ['.golangci.json', 'json'],
];

export type FileReader = (relative: string) => string | undefined;

export function workspaceReader(workspace: string): FileReader {
  return (relative) => {
    const full = path.join(workspace, relative);
    return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
  };
}

export function detectLinters(read: FileReader): LinterConfig[] {
  const found: LinterConfig[] = [];
  for (const file of ['ruff.toml', '.ruff.toml']) {
    const text = read(file);
    if (text !== undefined) {
      found.push({ kind: 'ruff', file, format: 'toml', text });
      break;
    }
  }
  if (!found.some((c) => c.kind === 'ruff')) {
    const text = read('pyproject.toml');
    if (text !== undefined && /^\s*\[tool\.ruff(\.[\w.-]+)?\]/m.test(text))
      found.push({ kind: 'ruff', file: 'pyproject.toml', format: 'toml', text });
  }
  const flat = ESLINT_FLAT.find((file) => read(file) !== undefined);
  if (flat) found.push({ kind: 'eslint', file: flat, format: 'js', text: read(flat) as string });
  else {
    for (const [file, format] of ESLINT_LEGACY) {
      const text = read(file);
      if (text !== undefined) {
        found.push({ kind: 'eslint', file, format, legacy: true, text });
        break;
      }
    }
  }
  for (const [file, format] of GOLANGCI) {
    const text = read(file);
    if (text !== undefined) {
      found.push({ kind: 'golangci-lint', file, format, text });
      break;
    }
  }
  for (const file of ['biome.json', 'biome.jsonc']) {
    const text = read(file);
    if (text !== undefined) {
      found.push({ kind: 'biome', file, format: 'json', text });
      break;
    }
  }
  return found;
}
