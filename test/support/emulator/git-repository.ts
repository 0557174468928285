// An in-memory git object database and ref table with the operations the Git Data API needs.
import {
  decodeCommit,
  decodeTree,
  encodeCommit,
  encodeTree,
  entryType,
  hashObject,
  type CommitData,
  type GitObject,
  type GitObjectType,
  type TreeEntry,
  type TreeEntryMode,
} from './git-objects';

/** One change for `buildTree`: a path with new content, a known object id, or `sha: null` to delete. */
export interface TreeChange {
  path: string;
  mode: TreeEntryMode;
  sha?: string | null;
  content?: string;
}

export interface FlatTreeEntry {
  path: string;
  mode: TreeEntryMode;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
  size?: number;
}

export class GitRepository {
  readonly objects = new Map<string, GitObject>();
  /** Full ref name (`refs/heads/main`) -> commit id. */
  readonly refs = new Map<string, string>();

  write(type: GitObjectType, payload: Buffer): string {
    const sha = hashObject(type, payload);
    if (!this.objects.has(sha)) this.objects.set(sha, { type, payload });
    return sha;
  }

  get(sha: string, type?: GitObjectType): GitObject | undefined {
    const object = this.objects.get(sha.toLowerCase());
    if (!object || (type && object.type !== type)) return undefined;
    return object;
  }

  writeBlob(content: Buffer | string): string {
    return this.write('blob', Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'));
  }

  writeTree(entries: TreeEntry[]): string {
    return this.write('tree', encodeTree(entries));
  }

  readTree(sha: string): TreeEntry[] | undefined {
    const object = this.get(sha, 'tree');
    return object ? decodeTree(object.payload) : undefined;
  }

  writeCommit(commit: CommitData): string {
    return this.write('commit', encodeCommit(commit));
  }

  readCommit(sha: string): CommitData | undefined {
    const object = this.get(sha, 'commit');
    return object ? decodeCommit(object.payload) : undefined;
  }

  /** Every entry below a tree, depth first, with slash-separated paths (trees included). */
  flattenTree(sha: string, recursive = true, prefix = ''): FlatTreeEntry[] {
    const out: FlatTreeEntry[] = [];
    for (const entry of this.readTree(sha) ?? []) {
      const path = prefix + entry.name;
      const type = entryType(entry.mode);
      const size = type === 'blob' ? this.get(entry.sha)?.payload.length : undefined;
      out.push({
        path,
        mode: entry.mode,
        type,
        sha: entry.sha,
        ...(size === undefined ? {} : { size }),
      });
      if (recursive && type === 'tree') out.push(...this.flattenTree(entry.sha, true, `${path}/`));
    }
    return out;
  }

  /** The blob at a path of a tree, or undefined. */
  lookupPath(treeSha: string, path: string): TreeEntry | undefined {
    const segments = path.split('/').filter(Boolean);
    let current: TreeEntry | undefined = { name: '', mode: '040000', sha: treeSha };
    for (const segment of segments) {
      if (!current || current.mode !== '040000') return undefined;
      current = this.readTree(current.sha)?.find((e) => e.name === segment);
    }
    return current;
  }

  /**
   * A new tree: `baseTree`'s entries (if any) with `changes` applied. Nested paths create or
   * rewrite intermediate trees; a tree left empty by deletions disappears as in git.
   */
  buildTree(baseTree: string | undefined, changes: TreeChange[]): string {
    const root = this.toNested(baseTree);
    for (const change of changes) {
      const segments = change.path.split('/').filter(Boolean);
      let node = root;
      for (const segment of segments.slice(0, -1)) {
        let child = node.children.get(segment);
        if (!child || child.kind !== 'dir') {
          child = { kind: 'dir', children: new Map(), sha: undefined };
          node.children.set(segment, child);
        } else if (child.sha) {
          // expand a stored subtree so it can be edited
          child.children = this.toNested(child.sha).children;
          child.sha = undefined;
        }
        node = child;
      }
      const leaf = segments[segments.length - 1] as string;
      if (change.sha === null) {
        node.children.delete(leaf);
        continue;
      }
      const sha =
        change.content !== undefined ? this.writeBlob(change.content) : (change.sha as string);
      if (change.mode === '040000')
        node.children.set(leaf, { kind: 'dir', children: new Map(), sha });
      else node.children.set(leaf, { kind: 'leaf', mode: change.mode, sha });
    }
    return this.writeNested(root) ?? this.writeTree([]);
  }

  isAncestor(ancestor: string, descendant: string): boolean {
    const seen = new Set<string>();
    const queue = [descendant];
    while (queue.length > 0) {
      const sha = queue.pop() as string;
      if (sha === ancestor) return true;
      if (seen.has(sha)) continue;
      seen.add(sha);
      queue.push(...(this.readCommit(sha)?.parents ?? []));
    }
    return false;
  }

  /** The nearest common ancestor of two commits (undefined for unrelated histories). */
  mergeBase(a: string, b: string): string | undefined {
    const ancestors = new Set<string>();
    const stack = [a];
    while (stack.length > 0) {
      const sha = stack.pop() as string;
      if (ancestors.has(sha)) continue;
      ancestors.add(sha);
      stack.push(...(this.readCommit(sha)?.parents ?? []));
    }
    const queue = [b];
    const seen = new Set<string>();
    while (queue.length > 0) {
      const sha = queue.shift() as string;
      if (ancestors.has(sha)) return sha;
      if (seen.has(sha)) continue;
      seen.add(sha);
      queue.push(...(this.readCommit(sha)?.parents ?? []));
    }
    return undefined;
  }

  /** Commits reachable from `head` and not from `base`, oldest first (first-parent order is enough here). */
  commitsBetween(base: string, head: string): string[] {
    const out: string[] = [];
    const seen = new Set<string>();
    const queue = [head];
    while (queue.length > 0) {
      const sha = queue.shift() as string;
      if (seen.has(sha) || this.isAncestor(sha, base)) continue;
      seen.add(sha);
      out.push(sha);
      queue.push(...(this.readCommit(sha)?.parents ?? []));
    }
    return out.reverse();
  }

  private toNested(treeSha: string | undefined): NestedDir {
    const dir: NestedDir = { kind: 'dir', children: new Map(), sha: undefined };
    if (!treeSha) return dir;
    for (const entry of this.readTree(treeSha) ?? []) {
      if (entry.mode === '040000')
        dir.children.set(entry.name, { kind: 'dir', children: new Map(), sha: entry.sha });
      else dir.children.set(entry.name, { kind: 'leaf', mode: entry.mode, sha: entry.sha });
    }
    return dir;
  }

  private writeNested(dir: NestedDir): string | undefined {
    if (dir.sha) return dir.sha;
    const entries: TreeEntry[] = [];
    for (const [name, child] of dir.children) {
      if (child.kind === 'leaf') entries.push({ name, mode: child.mode, sha: child.sha });
      else {
        const sha = this.writeNested(child);
        if (sha) entries.push({ name, mode: '040000', sha });
      }
    }
    return entries.length > 0 ? this.writeTree(entries) : undefined;
  }
}

type NestedDir = { kind: 'dir'; children: Map<string, NestedNode>; sha: string | undefined };
type NestedNode = NestedDir | { kind: 'leaf'; mode: TreeEntryMode; sha: string };
