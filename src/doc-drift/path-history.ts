// One `git log --name-status -M` walk over the whole history: which paths were deleted or
// renamed (and by which commit), and which commits touched each path.
import type { Git } from './git';

export interface CommitInfo {
  sha: string;
  /** Commit time, seconds since the epoch. */
  time: number;
  subject: string;
}

export interface PathRemoval {
  commit: CommitInfo;
  /** Set when the path was renamed rather than deleted. */
  renamedTo?: string;
}

export interface PathHistory {
  /** Newest event that removed each path (deletion or rename away). */
  removals: Map<string, PathRemoval>;
  /** Commits that touched each path (as it was named then), newest first. */
  touches: Map<string, CommitInfo[]>;
}

const RECORD = '\x1e';
const FIELD = '\x1f';

export function parseNameStatus(output: string): PathHistory {
  const removals = new Map<string, PathRemoval>();
  const touches = new Map<string, CommitInfo[]>();
  const touch = (path: string, commit: CommitInfo) => {
    const list = touches.get(path);
    if (list) list.push(commit);
    else touches.set(path, [commit]);
  };
  for (const record of output.split(RECORD)) {
    if (record === '') continue;
    const headerEnd = record.indexOf('\0');
    const header = headerEnd === -1 ? record : record.slice(0, headerEnd);
    const [sha = '', time = '0', subject = ''] = header.split(FIELD);
    const commit: CommitInfo = { sha, time: Number(time), subject };
    if (headerEnd === -1) continue;
    const tokens = record
      .slice(headerEnd + 1)
      .replace(/^\n/, '')
      .split('\0');
    for (let i = 0; i < tokens.length;) {
      const status = tokens[i++] ?? '';
      if (status === '') continue;
      if (status.startsWith('R') || status.startsWith('C')) {
        const from = tokens[i++] ?? '';
        const to = tokens[i++] ?? '';
        touch(to, commit);
        if (status.startsWith('R')) {
          touch(from, commit);
          if (!removals.has(from)) removals.set(from, { commit, renamedTo: to });
        }
      } else {
        const path = tokens[i++] ?? '';
        touch(path, commit);
        if (status === 'D' && !removals.has(path)) removals.set(path, { commit });
      }
    }
  }
  return { removals, touches };
}

export async function readPathHistory(git: Git): Promise<PathHistory> {
  const out = await git.run([
    'log',
    '--name-status',
    '-M',
    '-z',
    '--no-color',
    `--format=${RECORD}%H${FIELD}%ct${FIELD}%s`,
  ]);
  return parseNameStatus(out);
}

/**
 * Follows renames forward from a path that no longer exists. Returns the current successor
 * (renamed), or the removal that ended the chain (removed), or undefined (never existed).
 */
export function followPath(
  history: PathHistory,
  path: string,
  exists: (path: string) => boolean,
):
  | { status: 'renamed'; to: string; commit: CommitInfo }
  | { status: 'removed'; commit: CommitInfo }
  | undefined {
  const first = history.removals.get(path);
  if (!first) return undefined;
  let current = first;
  const seen = new Set([path]);
  while (current.renamedTo !== undefined) {
    const next = current.renamedTo;
    if (exists(next)) return { status: 'renamed', to: next, commit: first.commit };
    const after = history.removals.get(next);
    if (!after || seen.has(next) || after.commit.time < current.commit.time) break;
    seen.add(next);
    current = after;
  }
  return { status: 'removed', commit: current.commit };
}

/** Like followPath for a folder: every file under it went to one new folder in one commit. */
export function followFolder(
  history: PathHistory,
  folder: string,
  folderExists: (path: string) => boolean,
):
  | { status: 'renamed'; to: string; commit: CommitInfo }
  | { status: 'removed'; commit: CommitInfo }
  | undefined {
  const prefix = `${folder.replace(/\/$/, '')}/`;
  let target: string | undefined;
  let commit: CommitInfo | undefined;
  let consistent = true;
  for (const [path, removal] of history.removals) {
    if (!path.startsWith(prefix)) continue;
    if (!commit || removal.commit.time > commit.time) commit = removal.commit;
    const rest = path.slice(prefix.length);
    if (removal.renamedTo?.endsWith(`/${rest}`)) {
      const to = removal.renamedTo.slice(0, -rest.length - 1);
      if (target === undefined) target = to;
      else if (target !== to) consistent = false;
    } else consistent = false;
  }
  if (!commit) return undefined;
  if (consistent && target !== undefined && folderExists(target))
    return { status: 'renamed', to: target, commit };
  return { status: 'removed', commit };
}
