// Lists a repository's files the way git sees them: .gitignore files at every level are
// honoured (with the `ignore` package), `.git` is never entered.
import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';

export interface FileListing {
  /** Repository-relative POSIX paths of every file that is not ignored. */
  files: string[];
  /** Repository-relative POSIX paths of every folder that is not ignored ('' is the root). */
  dirs: Set<string>;
}

const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);

interface Rules {
  base: string;
  matcher: Ignore;
}

function readIgnore(dir: string, rel: string): Rules | undefined {
  try {
    const text = readFileSync(path.join(dir, '.gitignore'), 'utf8');
    return { base: rel, matcher: ignore().add(text) };
  } catch {
    return undefined;
  }
}

function ignored(rules: Rules[], rel: string, isDir: boolean): boolean {
  for (const rule of rules) {
    const local = rule.base === '' ? rel : rel.slice(rule.base.length + 1);
    if (rule.matcher.ignores(isDir ? `${local}/` : local)) return true;
  }
  return false;
}

/** Synchronous: one folder at a time costs far less than a promise per folder. */
export async function listFiles(root: string): Promise<FileListing> {
  const files: string[] = [];
  const dirs = new Set<string>(['']);
  const walk = (rel: string, inherited: Rules[]): void => {
    const abs = rel === '' ? root : path.join(root, rel);
    let entries: Dirent[];
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch {
      return;
    }
    const own = entries.some((e) => e.name === '.gitignore') ? readIgnore(abs, rel) : undefined;
    const rules = own ? [...inherited, own] : inherited;
    const subdirs: string[] = [];
    for (const entry of entries) {
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (ALWAYS_SKIPPED.has(entry.name) || ignored(rules, child, true)) continue;
        dirs.add(child);
        subdirs.push(child);
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        if (!ignored(rules, child, false)) files.push(child);
      }
    }
    for (const sub of subdirs) walk(sub, rules);
  };
  walk('', []);
  await Promise.resolve();
  files.sort();
  return { files, dirs };
}
