// What exists in the repository: files and folders (from the listing), with a case-insensitive
// lookup for case-mismatch links and lazily read line counts for `#L10` anchors.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FileListing } from './list-files';
import { countLines } from './line-index';

export interface RepoIndex {
  /** A file or folder exists (listed, or present on disk though ignored). */
  exists(rel: string): boolean;
  isFile(rel: string): boolean;
  isDir(rel: string): boolean;
  /** Paths that differ from `rel` only in letter case. */
  caseVariants(rel: string): string[];
  /** Line count of a file, undefined when unreadable or binary. */
  lineCount(rel: string): number | undefined;
}

export function createRepoIndex(root: string, listing: FileListing): RepoIndex {
  const files = new Set(listing.files);
  const lower = new Map<string, string[]>();
  const add = (p: string) => {
    const key = p.toLowerCase();
    const list = lower.get(key);
    if (list) list.push(p);
    else lower.set(key, [p]);
  };
  for (const f of listing.files) add(f);
  for (const d of listing.dirs) if (d !== '') add(d);
  const lines = new Map<string, number | undefined>();
  const onDisk = (rel: string) => existsSync(path.join(root, rel));
  return {
    exists: (rel) => rel === '' || files.has(rel) || listing.dirs.has(rel) || onDisk(rel),
    isFile: (rel) => files.has(rel) || (onDisk(rel) && statSync(path.join(root, rel)).isFile()),
    isDir: (rel) =>
      rel === '' ||
      listing.dirs.has(rel) ||
      (onDisk(rel) && statSync(path.join(root, rel)).isDirectory()),
    caseVariants: (rel) => (lower.get(rel.toLowerCase()) ?? []).filter((p) => p !== rel),
    lineCount(rel) {
      if (!lines.has(rel)) {
        try {
          const buffer = readFileSync(path.join(root, rel));
          lines.set(
            rel,
            buffer.subarray(0, 8000).includes(0) ? undefined : countLines(buffer.toString('utf8')),
          );
        } catch {
          lines.set(rel, undefined);
        }
      }
      return lines.get(rel);
    },
  };
}

/** An index over a fixed list of paths (tests, pure callers). */
export function memoryRepoIndex(entries: Record<string, string>): RepoIndex {
  const files = new Set(Object.keys(entries));
  const dirs = new Set<string>(['']);
  for (const f of files) {
    const parts = f.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  const all = [...files, ...dirs];
  return {
    exists: (rel) => files.has(rel) || dirs.has(rel),
    isFile: (rel) => files.has(rel),
    isDir: (rel) => dirs.has(rel),
    caseVariants: (rel) => all.filter((p) => p !== rel && p.toLowerCase() === rel.toLowerCase()),
    lineCount: (rel) => (files.has(rel) ? countLines(entries[rel] as string) : undefined),
  };
}
