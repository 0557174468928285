// Streams `git log -p --unified=0` and hands each hunk (removed and added lines of one file in
// one commit) to a visitor. Only commits whose diff matches `-G` are read, so one walk over the
// whole history stays cheap.
import type { Git } from './git';
import type { CommitInfo } from './path-history';

export interface Hunk {
  commit: CommitInfo;
  /** Path before the change (undefined for an added file). */
  oldPath?: string;
  /** Path after the change (undefined for a deleted file). */
  newPath?: string;
  removed: string[];
  added: string[];
}

const MARK = '\x1eCOMMIT\x1f';

/** Escapes text for a POSIX extended regular expression (git -G). */
export function escapeEre(text: string): string {
  return text.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
}

export async function walkPatches(
  git: Git,
  options: { pickaxe: string; paths?: string[]; maxCommits?: number },
  visit: (hunk: Hunk) => void,
  onCommitEnd?: (commit: CommitInfo) => void,
): Promise<void> {
  const args = [
    'log',
    '-p',
    '-M',
    '--unified=0',
    // A root commit only adds: it can remove nothing.
    '--min-parents=1',
    '--no-color',
    '--no-ext-diff',
    `--format=${MARK}%H\x1f%ct\x1f%s`,
    '-G',
    options.pickaxe,
  ];
  if (options.maxCommits) args.push(`--max-count=${options.maxCommits}`);
  if (options.paths) args.push('--', ...options.paths);
  let commit: CommitInfo | undefined;
  let oldPath: string | undefined;
  let newPath: string | undefined;
  let hunk: Hunk | undefined;
  let inHeader = false;
  const flush = () => {
    if (hunk && (hunk.removed.length > 0 || hunk.added.length > 0)) visit(hunk);
    hunk = undefined;
  };
  const endCommit = () => {
    flush();
    if (commit && onCommitEnd) onCommitEnd(commit);
  };
  await git.lines(args, (line) => {
    if (line.startsWith(MARK)) {
      endCommit();
      const [sha = '', time = '0', subject = ''] = line.slice(MARK.length).split('\x1f');
      commit = { sha, time: Number(time), subject };
      return;
    }
    if (line.startsWith('diff --git ')) {
      flush();
      inHeader = true;
      oldPath = undefined;
      newPath = undefined;
      return;
    }
    if (inHeader) {
      if (line.startsWith('--- ')) oldPath = line === '--- /dev/null' ? undefined : line.slice(6);
      else if (line.startsWith('+++ '))
        newPath = line === '+++ /dev/null' ? undefined : line.slice(6);
      else if (line.startsWith('rename from ')) oldPath = line.slice(12);
      else if (line.startsWith('rename to ')) newPath = line.slice(10);
      if (!line.startsWith('@@')) return;
      inHeader = false;
    }
    if (line.startsWith('@@')) {
      flush();
      if (commit) hunk = { commit, oldPath, newPath, removed: [], added: [] };
      return;
    }
    if (!hunk) return;
    if (line.startsWith('-')) hunk.removed.push(line.slice(1));
    else if (line.startsWith('+')) hunk.added.push(line.slice(1));
  });
  endCommit();
}
