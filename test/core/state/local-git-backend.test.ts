/**
 * The local git state backend: the shared contract on a real repository, plus what only git
 * plumbing can break (work tree, index, HEAD, identity, separate processes).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLocalGitStateBackend, createStateStore } from '../../../src/core/state';
import {
  addRecord,
  describeStateStoreContract,
  type ContractFixture,
} from './state-store-contract';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..', '..');
const BRANCH = 'tend-state';

function git(dir: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
  return execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' });
}

/** A repository with a commit on main, a modified tracked file and a staged new file. */
function makeRepo(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tend-local-state-'));
  git(dir, ['init', '-q', '-b', 'main']);
  writeFileSync(path.join(dir, 'README.md'), 'hello\n');
  git(dir, ['add', 'README.md']);
  git(dir, [
    '-c',
    'user.name=Dev',
    '-c',
    'user.email=dev@example.com',
    'commit',
    '-q',
    '-m',
    'initial',
  ]);
  writeFileSync(path.join(dir, 'README.md'), 'hello, edited\n');
  writeFileSync(path.join(dir, 'staged.txt'), 'staged\n');
  git(dir, ['add', 'staged.txt']);
  return dir;
}

async function localFixture(): Promise<ContractFixture> {
  const dir = makeRepo();
  return {
    branch: BRANCH,
    backend: () => createLocalGitStateBackend(dir, BRANCH),
    parentsOf: async (commit) =>
      git(dir, ['rev-list', '--parents', '-n', '1', commit]).trim().split(' ').slice(1),
    close: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

describeStateStoreContract('local git backend', localFixture);

describe('local git state backend', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeRepo();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('never touches the working tree, the index or HEAD', async () => {
    const snapshot = () => ({
      status: git(dir, ['status', '--porcelain']),
      head: git(dir, ['rev-parse', 'HEAD']),
      symbolic: git(dir, ['symbolic-ref', 'HEAD']),
      staged: git(dir, ['diff', '--cached']),
      indexTree: git(dir, ['write-tree']),
    });
    const before = snapshot();
    const store = createStateStore(createLocalGitStateBackend(dir, BRANCH), { branch: BRANCH });
    await store.update('write', (tx) => {
      tx.set('README.json', { readme: true });
      tx.set('doc-drift/latest.json', { runAt: 'now' });
    });
    await store.update('delete', (tx) => tx.delete('README.json'));
    expect(snapshot()).toEqual(before);
    expect(git(dir, ['ls-tree', '-r', '--name-only', BRANCH]).trim()).toBe('doc-drift/latest.json');
  });

  it('commits as tend <tend@localhost> on a machine with no git identity configured', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'tend-home-'));
    const saved = { ...process.env };
    try {
      Object.assign(process.env, { HOME: home, XDG_CONFIG_HOME: home, GIT_CONFIG_NOSYSTEM: '1' });
      for (const key of [
        'GIT_AUTHOR_NAME',
        'GIT_AUTHOR_EMAIL',
        'GIT_COMMITTER_NAME',
        'GIT_COMMITTER_EMAIL',
        'EMAIL',
      ]) {
        delete process.env[key];
      }
      const backend = createLocalGitStateBackend(dir, BRANCH);
      await createStateStore(backend, { branch: BRANCH }).update('first', (tx) =>
        tx.set('a.json', { a: 1 }),
      );
    } finally {
      process.env = saved;
      rmSync(home, { recursive: true, force: true });
    }
    expect(git(dir, ['log', '-1', '--format=%an <%ae> / %cn <%ce>', BRANCH]).trim()).toBe(
      'tend <tend@localhost> / tend <tend@localhost>',
    );
  });

  it('keeps every record when separate processes write the branch at once', async () => {
    const script = path.join(here, 'fixtures', 'write-records.ts');
    const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const runs = [0, 1, 2, 3].map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          const child = spawn(
            process.execPath,
            [tsx, script, dir, BRANCH, String(worker * 5), '5'],
            { stdio: 'pipe' },
          );
          let stderr = '';
          child.stderr.on('data', (chunk) => (stderr += chunk));
          child.on('error', reject);
          child.on('exit', (code) =>
            code === 0
              ? resolve()
              : reject(new Error(`writer ${worker} exited ${code}: ${stderr}`)),
          );
        }),
    );
    await Promise.all(runs);
    const store = createStateStore(createLocalGitStateBackend(dir, BRANCH), { branch: BRANCH });
    expect(await store.list('records/')).toHaveLength(20);
    const ids = (await store.read<{ ids: number[] }>('index.json'))?.ids ?? [];
    expect([...ids].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(git(dir, ['rev-list', '--count', BRANCH]).trim()).toBe('20');
  });

  it('reports a folder that is not a git repository as a git failure naming the folder', async () => {
    const plain = mkdtempSync(path.join(os.tmpdir(), 'tend-plain-'));
    try {
      const store = createStateStore(createLocalGitStateBackend(plain, BRANCH), { branch: BRANCH });
      await expect(store.update('x', (tx) => tx.set('a.json', {}))).rejects.toThrow(plain);
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });

  it('makes no commit when a writer re-applies a change the branch already holds', async () => {
    const store = createStateStore(createLocalGitStateBackend(dir, BRANCH), { branch: BRANCH });
    const first = await addRecord(store, 7);
    const again = await addRecord(store, 7);
    expect(again.commit).toBeNull();
    expect(git(dir, ['rev-parse', BRANCH]).trim()).toBe(first.commit);
  });
});
