// Git object encoding, byte-exact with git itself: an object id is the SHA-1 of
// `<type> <byte length>\0<payload>`, trees are `<mode> <name>\0<20-byte id>` entries in git's order.
import { createHash } from 'node:crypto';

export type GitObjectType = 'blob' | 'tree' | 'commit';

export interface GitObject {
  type: GitObjectType;
  /** The payload without the `<type> <len>\0` header. */
  payload: Buffer;
}

export type TreeEntryMode = '100644' | '100755' | '040000' | '120000' | '160000';

export interface TreeEntry {
  /** One path segment (no slash). */
  name: string;
  mode: TreeEntryMode;
  sha: string;
}

export interface GitSignature {
  name: string;
  email: string;
  /** ISO 8601 date, e.g. 2024-05-01T10:00:00Z. */
  date: string;
}

export interface CommitData {
  tree: string;
  parents: string[];
  author: GitSignature;
  committer: GitSignature;
  message: string;
}

export function hashObject(type: GitObjectType, payload: Buffer): string {
  const header = Buffer.from(`${type} ${payload.length}\0`, 'utf8');
  return createHash('sha1').update(header).update(payload).digest('hex');
}

export function entryType(mode: TreeEntryMode): 'blob' | 'tree' | 'commit' {
  if (mode === '040000') return 'tree';
  if (mode === '160000') return 'commit';
  return 'blob';
}

/** git sorts tree entries by name, comparing a tree's name as if it ended with '/'. */
function sortKey(entry: TreeEntry): Buffer {
  return Buffer.from(entry.mode === '040000' ? `${entry.name}/` : entry.name, 'utf8');
}

export function encodeTree(entries: TreeEntry[]): Buffer {
  const sorted = [...entries].sort((a, b) => Buffer.compare(sortKey(a), sortKey(b)));
  const parts: Buffer[] = [];
  for (const entry of sorted) {
    const mode = entry.mode === '040000' ? '40000' : entry.mode;
    parts.push(Buffer.from(`${mode} ${entry.name}\0`, 'utf8'), Buffer.from(entry.sha, 'hex'));
  }
  return Buffer.concat(parts);
}

export function decodeTree(payload: Buffer): TreeEntry[] {
  const entries: TreeEntry[] = [];
  let offset = 0;
  while (offset < payload.length) {
    const space = payload.indexOf(0x20, offset);
    const nul = payload.indexOf(0x00, space);
    const rawMode = payload.subarray(offset, space).toString('utf8');
    const name = payload.subarray(space + 1, nul).toString('utf8');
    const sha = payload.subarray(nul + 1, nul + 21).toString('hex');
    entries.push({ name, mode: (rawMode === '40000' ? '040000' : rawMode) as TreeEntryMode, sha });
    offset = nul + 21;
  }
  return entries;
}

function formatSignature(sig: GitSignature): string {
  const seconds = Math.floor(new Date(sig.date).getTime() / 1000);
  return `${sig.name} <${sig.email}> ${seconds} +0000`;
}

function parseSignature(text: string): GitSignature {
  const match = /^(.*) <(.*)> (\d+) ([+-]\d{4})$/.exec(text);
  if (!match) throw new Error(`malformed git signature: ${text}`);
  const date = new Date(Number(match[3]) * 1000).toISOString().replace(/\.000Z$/, 'Z');
  return { name: match[1] ?? '', email: match[2] ?? '', date };
}

export function encodeCommit(commit: CommitData): Buffer {
  const lines = [`tree ${commit.tree}`];
  for (const parent of commit.parents) lines.push(`parent ${parent}`);
  lines.push(
    `author ${formatSignature(commit.author)}`,
    `committer ${formatSignature(commit.committer)}`,
  );
  return Buffer.from(`${lines.join('\n')}\n\n${commit.message}`, 'utf8');
}

export function decodeCommit(payload: Buffer): CommitData {
  const text = payload.toString('utf8');
  const split = text.indexOf('\n\n');
  const headers = text.slice(0, split).split('\n');
  const commit: CommitData = {
    tree: '',
    parents: [],
    author: { name: '', email: '', date: '' },
    committer: { name: '', email: '', date: '' },
    message: text.slice(split + 2),
  };
  for (const line of headers) {
    const space = line.indexOf(' ');
    const key = line.slice(0, space);
    const value = line.slice(space + 1);
    if (key === 'tree') commit.tree = value;
    else if (key === 'parent') commit.parents.push(value);
    else if (key === 'author') commit.author = parseSignature(value);
    else if (key === 'committer') commit.committer = parseSignature(value);
  }
  return commit;
}
