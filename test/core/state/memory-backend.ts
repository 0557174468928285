/**
 * An in-memory StateBackend for the store's unit tests: content-addressed trees and blobs, a
 * compare-and-swap ref, and a log of every call so tests can see what the store asked for.
 */
import { createHash } from 'node:crypto';
import type { StateBackend } from '../../../src/core/state/state-store';

const hash = (text: string) => createHash('sha1').update(text).digest('hex');

export interface MemoryRepo {
  ref: string | null;
  trees: Map<string, Map<string, string>>;
  blobs: Map<string, string>;
  commits: Map<string, { parent: string | null; tree: string; message: string }>;
  calls: string[];
}

export function newMemoryRepo(): MemoryRepo {
  return { ref: null, trees: new Map(), blobs: new Map(), commits: new Map(), calls: [] };
}

export function createMemoryBackend(
  repo: MemoryRepo,
  hooks: { beforeSwap?: () => Promise<void> | void } = {},
): StateBackend {
  return {
    description: 'branch tend-state in memory',
    async head() {
      repo.calls.push('head');
      if (!repo.ref) return null;
      return { commit: repo.ref, tree: (repo.commits.get(repo.ref) as { tree: string }).tree };
    },
    async listFiles(tree) {
      repo.calls.push(`listFiles ${tree}`);
      return new Map(repo.trees.get(tree));
    },
    async readBlob(blob) {
      repo.calls.push(`readBlob ${blob}`);
      return repo.blobs.get(blob) as string;
    },
    async commit(parent, baseTree, changes, message) {
      repo.calls.push(`commit ${changes.size}`);
      const files = new Map(baseTree ? repo.trees.get(baseTree) : []);
      for (const [path, text] of changes) {
        if (text === null) files.delete(path);
        else {
          const blob = createHash('sha1')
            .update(`blob ${Buffer.byteLength(text)}\0${text}`)
            .digest('hex');
          repo.blobs.set(blob, text);
          files.set(path, blob);
        }
      }
      const tree = hash(JSON.stringify([...files].sort()));
      repo.trees.set(tree, files);
      if (tree === baseTree) return null;
      const commit = hash(`${tree} ${parent} ${message} ${repo.commits.size}`);
      repo.commits.set(commit, { parent, tree, message });
      return commit;
    },
    async swap(expected, next) {
      repo.calls.push('swap');
      await hooks.beforeSwap?.();
      if (repo.ref !== expected) return false;
      repo.ref = next;
      return true;
    },
  };
}
