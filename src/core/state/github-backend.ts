/**
 * The state backend over GitHub's Git Data API. A state commit costs at most 4 calls whatever
 * the number of files: the branch head with its tree (`GET /branches/{branch}`), one tree with
 * every file inline (`POST /git/trees` on `base_tree`, `sha: null` deletes), the commit, and the
 * ref move (`PATCH /git/refs` without force, or `POST /git/refs` for the orphan branch). A ref
 * move that is not a fast-forward is a lost compare-and-swap: the store re-reads and retries.
 * Reads are cached by object id (trees, blobs, commits never change).
 */
import { BudgetExceededError } from '../errors';
import type { GitHubClient } from '../github-client';
import { explainGitHubStateError, isLostRace } from './github-state-errors';
import type { StateBackend } from './state-store';

interface TreeEntry {
  path?: string;
  type?: string;
  sha?: string | null;
}

export function createGitHubStateBackend(
  client: GitHubClient,
  repository: { owner: string; repo: string },
  branch: string,
): StateBackend {
  const { owner, repo } = repository;
  const description = `branch ${branch} of ${owner}/${repo}`;
  const listings = new Map<string, Map<string, string>>();
  const blobs = new Map<string, string>();

  /** Runs one request; failures become errors that name the repository, the branch and the fix. */
  async function call<T>(action: string, writes: boolean, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      if (error instanceof BudgetExceededError) throw error;
      throw explainGitHubStateError(error, {
        action,
        description,
        repository: `${owner}/${repo}`,
        branch,
        writes,
      });
    }
  }

  async function head(): Promise<{ commit: string; tree: string } | null> {
    try {
      const { data } = await client.request('GET /repos/{owner}/{repo}/branches/{branch}', {
        owner,
        repo,
        branch,
      });
      return { commit: data.commit.sha, tree: data.commit.commit.tree.sha };
    } catch (error) {
      if ((error as { status?: number }).status === 404) return null;
      if (error instanceof BudgetExceededError) throw error;
      throw explainGitHubStateError(error, {
        action: 'reading the branch head',
        description,
        repository: `${owner}/${repo}`,
        branch,
        writes: false,
      });
    }
  }

  async function readTree(
    sha: string,
    recursive: boolean,
  ): Promise<{ tree: TreeEntry[]; truncated: boolean }> {
    const { data } = await call('reading the file listing', false, () =>
      client.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', {
        owner,
        repo,
        tree_sha: sha,
        ...(recursive ? { recursive: '1' } : {}),
      }),
    );
    return { tree: data.tree, truncated: data.truncated };
  }

  /** A listing too large for one recursive answer, walked folder by folder. */
  async function walk(sha: string, prefix: string, into: Map<string, string>): Promise<void> {
    for (const entry of (await readTree(sha, false)).tree) {
      if (!entry.path || !entry.sha) continue;
      if (entry.type === 'tree') await walk(entry.sha, `${prefix}${entry.path}/`, into);
      else if (entry.type === 'blob' && entry.path.endsWith('.json'))
        into.set(`${prefix}${entry.path}`, entry.sha);
    }
  }

  /** After a refused or failed ref move: did the branch end up at `next` anyway (a retried request)? */
  async function landed(next: string): Promise<boolean> {
    return (await head())?.commit === next;
  }

  return {
    description,
    head,

    async listFiles(tree) {
      const cached = listings.get(tree);
      if (cached) return new Map(cached);
      const listing = new Map<string, string>();
      const answer = await readTree(tree, true);
      if (answer.truncated) await walk(tree, '', listing);
      else {
        for (const entry of answer.tree) {
          if (entry.type === 'blob' && entry.path?.endsWith('.json') && entry.sha)
            listing.set(entry.path, entry.sha);
        }
      }
      listings.set(tree, listing);
      return new Map(listing);
    },

    async readBlob(sha) {
      const cached = blobs.get(sha);
      if (cached !== undefined) return cached;
      const { data } = await call('reading a state file', false, () =>
        client.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', {
          owner,
          repo,
          file_sha: sha,
        }),
      );
      const text =
        data.encoding === 'base64'
          ? Buffer.from(data.content, 'base64').toString('utf8')
          : String(data.content);
      blobs.set(sha, text);
      return text;
    },

    async commit(parent, baseTree, changes, message) {
      const tree = [...changes].map(([path, content]) =>
        content === null
          ? { path, mode: '100644' as const, type: 'blob' as const, sha: null }
          : { path, mode: '100644' as const, type: 'blob' as const, content },
      );
      const { data: created } = await call('writing the state tree', true, () =>
        client.request('POST /repos/{owner}/{repo}/git/trees', {
          owner,
          repo,
          tree,
          ...(baseTree ? { base_tree: baseTree } : {}),
        }),
      );
      if (created.sha === baseTree) return null;
      const { data: commit } = await call('writing the state commit', true, () =>
        client.request('POST /repos/{owner}/{repo}/git/commits', {
          owner,
          repo,
          message,
          tree: created.sha,
          parents: parent ? [parent] : [],
        }),
      );
      return commit.sha;
    },

    async swap(expected, next) {
      try {
        if (expected === null) {
          await client.request('POST /repos/{owner}/{repo}/git/refs', {
            owner,
            repo,
            ref: `refs/heads/${branch}`,
            sha: next,
          });
        } else {
          // `next` is a child of `expected`: a fast-forward-only move is a compare-and-swap.
          await client.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
            owner,
            repo,
            ref: `heads/${branch}`,
            sha: next,
            force: false,
          });
        }
        return true;
      } catch (error) {
        if (error instanceof BudgetExceededError) throw error;
        if (isLostRace(error)) return landed(next);
        throw explainGitHubStateError(error, {
          action: 'moving the branch to the new state commit',
          description,
          repository: `${owner}/${repo}`,
          branch,
          writes: true,
          uncertain: true,
        });
      }
    },
  };
}
