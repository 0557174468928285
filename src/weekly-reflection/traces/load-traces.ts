// Finds trace files by glob (relative to the workspace, or absolute) and parses each one.
// A file that cannot be read or matches no known format is reported, never fatal.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { minimatch } from 'minimatch';
import { parseTraceText, type ParsedTraceFile } from './parse-trace-file';

const SKIP_DIRS = new Set(['node_modules', '.git']);
const MAX_FILE_BYTES = 200 * 1024 * 1024;

function globBase(pattern: string): string {
  const parts = pattern.split('/');
  const base: string[] = [];
  for (const part of parts) {
    if (/[*?[\]{}!]/.test(part)) break;
    base.push(part);
  }
  return base.join('/') || (pattern.startsWith('/') ? '/' : '.');
}

async function walk(dir: string, out: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) await walk(full, out);
    } else if (entry.isFile()) out.push(full);
  }
}

/** Files matching the globs (a leading `!` excludes), sorted, as absolute paths. */
export async function findTraceFiles(workspace: string, globs: string[]): Promise<string[]> {
  const include = globs.filter((g) => !g.startsWith('!'));
  const exclude = globs.filter((g) => g.startsWith('!')).map((g) => g.slice(1));
  const found = new Set<string>();
  for (const glob of include) {
    const absolute = path.isAbsolute(glob) ? glob : path.join(workspace, glob);
    const pattern = absolute.split(path.sep).join('/');
    const base = globBase(pattern);
    const info = await stat(base).catch(() => undefined);
    if (!info) continue;
    if (info.isFile()) {
      found.add(path.resolve(base));
      continue;
    }
    const files: string[] = [];
    await walk(base, files);
    for (const file of files) {
      const posix = file.split(path.sep).join('/');
      if (posix === pattern || minimatch(posix, pattern, { dot: true })) found.add(file);
    }
  }
  const excluded = (file: string) =>
    exclude.some(
      (g) =>
        minimatch(path.relative(workspace, file).split(path.sep).join('/'), g, { dot: true }) ||
        minimatch(file, g, { dot: true }),
    );
  return [...found].filter((f) => !excluded(f)).sort();
}

/** The path shown in findings: relative to the workspace when inside it. */
export function displayPath(workspace: string, file: string): string {
  const relative = path.relative(workspace, file);
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  return (inside ? relative : file).split(path.sep).join('/');
}

export interface LoadedTraces {
  files: ParsedTraceFile[];
  unreadable: string[];
}

export async function loadTraces(workspace: string, globs: string[]): Promise<LoadedTraces> {
  const files: ParsedTraceFile[] = [];
  const unreadable: string[] = [];
  for (const file of await findTraceFiles(workspace, globs)) {
    const shown = displayPath(workspace, file);
    try {
      const info = await stat(file);
      if (info.size > MAX_FILE_BYTES) {
        unreadable.push(`${shown}: larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB, skipped`);
        continue;
      }
      files.push(parseTraceText(await readFile(file, 'utf8'), shown));
    } catch (error) {
      unreadable.push(`${shown}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { files, unreadable };
}
