// tend's PR branches through the Git Data API: compare the wanted files with a tree using
// local blob ids (reads only), build one commit on top of the base head, move the ref.

import { createHash } from 'node:crypto';
import type { RestEndpointMethodTypes } from '@octokit/plugin-rest-endpoint-methods';
import type { RepoRef } from '../context';
import type { GitHubClient } from '../github-client';
import { errorStatus } from './github-errors';

export interface FileChange {
  path: string;
  content: string | null;
}

export interface TreeEntry {
  path: string;
  mode: string;
  type: string;
  sha?: string | null;
}

/** Git's blob id for `content` (UTF-8), as `git hash-object` computes it. */
export function gitBlobSha(content: string): string {
  const bytes = Buffer.from(content, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** Repository-relative POSIX path without `.`/`..` segments, or an error naming the path. */
export function normaliseRepoPath(file: string): string {
  const parts = file
    .replace(/\\/g, '/')
    .split('/')
    .filter((part) => part !== '' && part !== '.');
  if (parts.length === 0 || parts.some((part) => part === '..' || part === '.git')) {
    throw new Error(`Invalid path in a tend pull request: ${JSON.stringify(file)}.`);
  }
  return parts.join('/');
}

/** Refuses to move any branch that is not tend's own (`tend/...`). */
export function assertOwnBranch(branch: string): void {
  if (!branch.startsWith('tend/'))
    throw new Error(`tend only ever rewrites its own branches; refusing ${branch}.`);
}

/** One entry of a `POST /git/trees` request. */
type NewTreeEntry = RestEndpointMethodTypes['git']['createTree']['parameters']['tree'][number];

export interface GitBranches {
  /** The commit a branch points at, or undefined when the branch does not exist. */
  head(branch: string): Promise<string | undefined>;
  commit(sha: string): Promise<{ tree: string; parents: string[] }>;
  /** The entry at `path` in tree `tree`, walking one directory per request (cached). */
  entry(tree: string, path: string): Promise<TreeEntry | undefined>;
  /** Whether tree `tree` already holds every change (same blob, or absent for deletions). */
  holds(tree: string, changes: FileChange[]): Promise<boolean>;
  /** One new commit on `parent` with `changes` applied; returns its sha. */
  build(parent: string, changes: FileChange[], message: string): Promise<string>;
  /** Points tend's `branch` at `sha`: creates it, or force-updates it (only `tend/...`). */
  point(branch: string, sha: string, exists: boolean): Promise<void>;
  remove(branch: string): Promise<void>;
}

export function createGitBranches(client: GitHubClient, repo: RepoRef): GitBranches {
  const trees = new Map<string, Promise<TreeEntry[]>>();
  const commits = new Map<string, Promise<{ tree: string; parents: string[] }>>();

  function listTree(sha: string): Promise<TreeEntry[]> {
    let entries = trees.get(sha);
    if (!entries) {
      entries = client.rest.git
        .getTree({ ...repo, tree_sha: sha })
        .then(({ data }) => data.tree as TreeEntry[]);
      trees.set(sha, entries);
    }
    return entries;
  }

  async function entry(tree: string, file: string): Promise<TreeEntry | undefined> {
    const parts = normaliseRepoPath(file).split('/');
    let current = tree;
    for (let i = 0; i < parts.length; i += 1) {
      const found = (await listTree(current)).find((item) => item.path === parts[i]);
      if (!found) return undefined;
      if (i === parts.length - 1) return found;
      if (found.type !== 'tree' || !found.sha) return undefined;
      current = found.sha;
    }
    return undefined;
  }

  async function commit(sha: string): Promise<{ tree: string; parents: string[] }> {
    let found = commits.get(sha);
    if (!found) {
      found = client.rest.git.getCommit({ ...repo, commit_sha: sha }).then(({ data }) => ({
        tree: data.tree.sha,
        parents: data.parents.map((parent) => parent.sha),
      }));
      commits.set(sha, found);
    }
    return found;
  }

  return {
    async head(branch) {
      try {
        const { data } = await client.rest.git.getRef({ ...repo, ref: `heads/${branch}` });
        return data.object.sha;
      } catch (error) {
        if (errorStatus(error) === 404) return undefined;
        throw error;
      }
    },
    commit,
    entry,
    async holds(tree, changes) {
      for (const change of changes) {
        const found = await entry(tree, change.path);
        if (
          change.content === null
            ? found !== undefined
            : found?.type !== 'blob' || found.sha !== gitBlobSha(change.content)
        ) {
          return false;
        }
      }
      return true;
    },
    async build(parent, changes, message) {
      const { tree: baseTree } = await commit(parent);
      const entries: NewTreeEntry[] = [];
      for (const change of changes) {
        const file = normaliseRepoPath(change.path);
        const existing = await entry(baseTree, file);
        const mode = (existing?.type === 'blob' ? existing.mode : '100644') as NewTreeEntry['mode'];
        if (change.content === null) {
          if (existing) entries.push({ path: file, mode, type: 'blob', sha: null });
        } else {
          entries.push({ path: file, mode, type: 'blob', content: change.content });
        }
      }
      const { data: tree } = await client.rest.git.createTree({
        ...repo,
        base_tree: baseTree,
        tree: entries,
      });
      const { data: created } = await client.rest.git.createCommit({
        ...repo,
        message,
        tree: tree.sha,
        parents: [parent],
      });
      return created.sha;
    },
    async point(branch, sha, exists) {
      assertOwnBranch(branch);
      if (exists)
        await client.rest.git.updateRef({ ...repo, ref: `heads/${branch}`, sha, force: true });
      else {
        try {
          await client.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha });
        } catch (error) {
          // A concurrent run (or a create whose answer was lost) made it first: point it here.
          if (errorStatus(error) !== 422) throw error;
          await client.rest.git.updateRef({ ...repo, ref: `heads/${branch}`, sha, force: true });
        }
      }
    },
    async remove(branch) {
      assertOwnBranch(branch);
      try {
        await client.rest.git.deleteRef({ ...repo, ref: `heads/${branch}` });
      } catch (error) {
        // Already gone (deleted on merge, or by a maintainer): nothing to do.
        if (errorStatus(error) !== 404 && errorStatus(error) !== 422) throw error;
      }
    },
  };
}
