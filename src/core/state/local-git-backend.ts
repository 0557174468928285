/**
 * The state backend for a local git repository (the CLI's embedded default): git plumbing only,
 * through `execFile` (no shell). Trees are built in a temporary index file, commits made with
 * `commit-tree`, and `update-ref <ref> NEW OLD` is the compare-and-swap, so concurrent
 * processes are safe. The working tree, the real index and HEAD are never touched.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { StateBackend } from './state-store';

const ZERO_SHA = '0'.repeat(40);
const MAX_OUTPUT = 512 * 1024 * 1024;
/** update-ref refusals that mean another writer got there first. */
const LOST_RACE =
  /is at [0-9a-f]+ but expected|reference already exists|unable to create .*\.lock|file exists|cannot lock ref/i;

class GitError extends Error {
  constructor(
    readonly args: string[],
    readonly code: number | string | undefined,
    readonly stderr: string,
    dir: string,
  ) {
    super(
      `git ${args[0]} failed in ${dir}${code === undefined ? '' : ` (exit ${code})`}: ${stderr.trim() || 'no output'}`,
    );
    this.name = 'GitError';
  }
}

interface GitOptions {
  input?: string;
  env?: NodeJS.ProcessEnv;
}

export function createLocalGitStateBackend(repoDir: string, branch: string): StateBackend {
  const ref = `refs/heads/${branch}`;
  const baseEnv: NodeJS.ProcessEnv = { ...process.env };
  delete baseEnv.GIT_INDEX_FILE;
  const listings = new Map<string, Map<string, string>>();
  const blobs = new Map<string, string>();
  let identity: Promise<NodeJS.ProcessEnv> | undefined;

  function git(args: string[], options: GitOptions = {}): Promise<string> {
    return new Promise((resolve, reject) => {
      const child = execFile(
        'git',
        args,
        { cwd: repoDir, env: options.env ?? baseEnv, maxBuffer: MAX_OUTPUT, encoding: 'utf8' },
        (error, stdout, stderr) => {
          if (error)
            reject(new GitError(args, (error as { code?: number | string }).code, stderr, repoDir));
          else resolve(stdout);
        },
      );
      child.stdin?.on('error', () => undefined);
      child.stdin?.end(options.input ?? '');
    });
  }

  async function configured(key: string): Promise<boolean> {
    try {
      return (await git(['config', '--get', key])).trim() !== '';
    } catch {
      return false;
    }
  }

  /** tend's own identity when the machine has none configured (a fresh CI runner). */
  function identityEnv(): Promise<NodeJS.ProcessEnv> {
    identity ??= (async () => {
      const [name, email] = await Promise.all([configured('user.name'), configured('user.email')]);
      if (name && email) return baseEnv;
      return {
        ...baseEnv,
        GIT_AUTHOR_NAME: baseEnv.GIT_AUTHOR_NAME ?? 'tend',
        GIT_AUTHOR_EMAIL: baseEnv.GIT_AUTHOR_EMAIL ?? 'tend@localhost',
        GIT_COMMITTER_NAME: baseEnv.GIT_COMMITTER_NAME ?? 'tend',
        GIT_COMMITTER_EMAIL: baseEnv.GIT_COMMITTER_EMAIL ?? 'tend@localhost',
      };
    })();
    return identity;
  }

  return {
    description: `branch ${branch} of the local repository ${repoDir}`,

    async head() {
      // one process, one read of the ref: its commit and that commit's tree
      const format = '%(refname)%00%(objectname)%00%(objecttype)%00%(tree)';
      for (const line of (await git(['for-each-ref', `--format=${format}`, ref])).split('\n')) {
        const [name, commit, type, tree] = line.split('\0');
        if (name !== ref || !commit) continue;
        if (type !== 'commit' || !tree)
          throw new Error(`${ref} in ${repoDir} points to a ${type}, not a commit.`);
        return { commit, tree };
      }
      return null;
    },

    async listFiles(tree) {
      const cached = listings.get(tree);
      if (cached) return new Map(cached);
      const listing = new Map<string, string>();
      for (const record of (await git(['ls-tree', '-r', '-z', '--full-tree', tree])).split('\0')) {
        const tab = record.indexOf('\t');
        if (tab < 0) continue;
        const [, type, sha] = record.slice(0, tab).split(' ');
        const file = record.slice(tab + 1);
        if (type === 'blob' && sha && file.endsWith('.json')) listing.set(file, sha);
      }
      listings.set(tree, listing);
      return new Map(listing);
    },

    async readBlob(blob) {
      let text = blobs.get(blob);
      if (text === undefined) {
        text = await git(['cat-file', 'blob', blob]);
        blobs.set(blob, text);
      }
      return text;
    },

    async commit(parent, baseTree, changes, message) {
      const author = identityEnv();
      const dir = await mkdtemp(path.join(os.tmpdir(), 'tend-state-'));
      const env = { ...baseEnv, GIT_INDEX_FILE: path.join(dir, 'index') };
      try {
        const written = [...changes].filter(
          (entry): entry is [string, string] => entry[1] !== null,
        );
        const writeBlobs = async (): Promise<string[]> => {
          if (written.length === 0) return [];
          const files = await Promise.all(
            written.map(async ([, text], index) => {
              const file = path.join(dir, `blob-${index}`);
              await writeFile(file, text, 'utf8');
              return file;
            }),
          );
          const input = `${files.join('\n')}\n`;
          return (await git(['hash-object', '-w', '--no-filters', '--stdin-paths'], { input }))
            .trim()
            .split('\n');
        };
        const [shas] = await Promise.all([
          writeBlobs(),
          git(baseTree ? ['read-tree', baseTree] : ['read-tree', '--empty'], { env }),
        ]);
        const blobOf = new Map(written.map(([file], index) => [file, shas[index]]));
        const info = [...changes].map(([file, text]) =>
          text === null ? `0 ${ZERO_SHA}\t${file}` : `100644 ${blobOf.get(file)}\t${file}`,
        );
        await git(['update-index', '-z', '--index-info'], { env, input: `${info.join('\0')}\0` });
        const tree = (await git(['write-tree'], { env })).trim();
        if (tree === baseTree) return null;
        const args = ['commit-tree', '--no-gpg-sign', tree, ...(parent ? ['-p', parent] : [])];
        const commit = (await git(args, { env: await author, input: message })).trim();
        return commit;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },

    async swap(expected, next) {
      try {
        const env = await identityEnv();
        await git(['update-ref', '-m', 'tend: state', ref, next, expected ?? ZERO_SHA], { env });
        return true;
      } catch (error) {
        if (error instanceof GitError && LOST_RACE.test(error.stderr)) return false;
        throw error;
      }
    },
  };
}
