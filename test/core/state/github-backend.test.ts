/**
 * The GitHub state backend against the API emulator: the shared contract, the call budget per
 * state commit, injected 5xx and rate limits, and the errors a user sees.
 */
import { ConfigurationError, StateError } from '../../../src/core/errors';
import { createGitHubClient } from '../../../src/core/github-client';
import { createGitHubStateBackend, createStateStore } from '../../../src/core/state';
import type { StateStore } from '../../../src/core/state/state-store';
import { startEmulator, type Emulator } from '../../support/emulator';
import {
  addRecord,
  describeStateStoreContract,
  type ContractFixture,
} from './state-store-contract';

const BRANCH = 'tend-state';
const REPO = { owner: 'acme', repo: 'widgets' };

/** A backend with its own client, as a separate workflow run would have. */
function backendFor(
  gh: Emulator,
  options: { retries?: number; repo?: typeof REPO; token?: string } = {},
) {
  const { client } = createGitHubClient({
    token: options.token ?? gh.token,
    baseUrl: gh.url,
    retries: options.retries ?? 3,
    maxRetryAfterSeconds: 2,
    retryAfterBaseMs: 50,
    spaceWrites: false,
  });
  return createGitHubStateBackend(client, options.repo ?? REPO, BRANCH);
}

function storeFor(
  gh: Emulator,
  options: Parameters<typeof backendFor>[1] = {},
  maxAttempts?: number,
): StateStore {
  return createStateStore(backendFor(gh, options), { branch: BRANCH, maxAttempts });
}

async function emulatorFixture(): Promise<ContractFixture> {
  const gh = await startEmulator(REPO);
  return {
    branch: BRANCH,
    backend: () => backendFor(gh),
    parentsOf: async (commit) => gh.store.git.readCommit(commit)?.parents ?? [],
    close: () => gh.close(),
  };
}

describeStateStoreContract('GitHub backend on the API emulator', emulatorFixture);

describe('GitHub state backend', () => {
  let gh: Emulator;
  beforeEach(async () => {
    gh = await startEmulator(REPO);
  });
  afterEach(async () => {
    await gh.close();
  });

  const calls = () =>
    gh.requests.map((r) => `${r.method} ${r.route.replace('/repos/{owner}/{repo}', '')}`);

  it('spends at most 4 API calls per state commit, for 1 file and for 50 files', async () => {
    await storeFor(gh).update('create', (tx) => tx.set('first.json', { n: 0 }));
    expect(calls()).toEqual([
      'GET /branches/{branch}',
      'POST /git/trees',
      'POST /git/commits',
      'POST /git/refs',
    ]);

    for (const files of [1, 50]) {
      gh.resetLog();
      // a new store and client: a fresh run that knows nothing of the branch yet
      await storeFor(gh).update(`${files} files`, (tx) => {
        for (let i = 0; i < files; i++) tx.set(`bulk-${files}/file-${i}.json`, { i });
      });
      expect(calls()).toEqual([
        'GET /branches/{branch}',
        'POST /git/trees',
        'POST /git/commits',
        'PATCH /git/refs/{ref}',
      ]);
    }
    expect(await storeFor(gh).list('bulk-50/')).toHaveLength(50);
  });

  it('loses no record with 10% injected 5xx and rate limits: each writer lands or fails clearly', async () => {
    await storeFor(gh).update('earlier', (tx) => tx.set('records/earlier.json', { id: 'earlier' }));
    gh.faults.add({ kind: 'server-error', probability: 0.1, status: 502 });
    gh.faults.add({ kind: 'rate-limit', probability: 0.03 });
    gh.faults.add({ kind: 'secondary-rate-limit', probability: 0.03 });
    // one client retry per request: some writers land, some run out of retries and must fail cleanly
    const settled = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => addRecord(storeFor(gh, { retries: 1 }, 20), i)),
    );
    gh.faults.clear();
    expect(gh.requests.filter((r) => r.fault).length).toBeGreaterThan(0);

    const store = storeFor(gh);
    const onBranch = new Set(
      (await store.list('records/')).map((path) => path.slice('records/'.length, -'.json'.length)),
    );
    const index = new Set(
      ((await store.read<{ ids: number[] }>('index.json'))?.ids ?? []).map(String),
    );
    expect(onBranch.has('earlier')).toBe(true);
    settled.forEach((outcome, i) => {
      if (outcome.status === 'fulfilled') {
        expect(outcome.value.commit).not.toBeNull();
        expect(onBranch.has(String(i))).toBe(true);
        expect(index.has(String(i))).toBe(true);
      } else {
        expect(outcome.reason).toBeInstanceOf(StateError);
        expect(String(outcome.reason.message)).toMatch(
          /branch tend-state of acme\/widgets.*(untouched|earlier record)/s,
        );
      }
    });
    // the index and the record files agree: no half-written update
    expect([...index].sort()).toEqual([...onBranch].filter((id) => id !== 'earlier').sort());
  }, 180_000);

  it('fails clearly and leaves the branch and its records untouched when GitHub keeps failing a write', async () => {
    await storeFor(gh).update('earlier', (tx) => tx.set('records/1.json', { id: 1 }));
    const before = gh.store.branchSha(BRANCH);
    gh.faults.add({
      kind: 'server-error',
      route: '/repos/{owner}/{repo}/git/commits',
      method: 'POST',
      status: 502,
    });
    const failing = storeFor(gh, { retries: 1 }).update('next', (tx) =>
      tx.set('records/2.json', { id: 2 }),
    );
    await expect(failing).rejects.toThrow(StateError);
    await expect(failing).rejects.toThrow(
      /writing the state commit on branch tend-state of acme\/widgets.*502.*left untouched/s,
    );
    gh.faults.clear();
    expect(gh.store.branchSha(BRANCH)).toBe(before);
    expect(await storeFor(gh).read('records/1.json')).toEqual({ id: 1 });
  }, 30_000);

  it('says the branch may have moved when the ref update itself keeps failing, and keeps earlier records', async () => {
    await storeFor(gh).update('earlier', (tx) => tx.set('records/1.json', { id: 1 }));
    gh.faults.add({
      kind: 'server-error',
      route: '/repos/{owner}/{repo}/git/refs/{ref}',
      method: 'PATCH',
      status: 503,
    });
    await expect(
      storeFor(gh, { retries: 1 }).update('next', (tx) => tx.set('records/2.json', { id: 2 })),
    ).rejects.toThrow(/may or may not have moved.*every earlier record is still there/s);
    gh.faults.clear();
    expect(await storeFor(gh).read('records/1.json')).toEqual({ id: 1 });
  }, 30_000);

  it('names the repository, the branch and the contents: write fix when the token cannot write there', async () => {
    const store = storeFor(gh, { repo: { owner: 'acme', repo: 'no-such-repo' } });
    const attempt = store.update('write', (tx) => tx.set('a.json', { a: 1 }));
    await expect(attempt).rejects.toThrow(ConfigurationError);
    const message = await attempt.catch((error: Error) => error.message);
    expect(message).toContain('branch tend-state of acme/no-such-repo');
    expect(message).toContain('give the token `contents: write` on acme/no-such-repo');
  });

  it('reports a rejected token as a configuration error naming the token input', async () => {
    const attempt = storeFor(gh, { token: 'ghs_wrong' }).read('a.json');
    await expect(attempt).rejects.toThrow(ConfigurationError);
    await expect(attempt).rejects.toThrow(
      /401.*branch tend-state of acme\/widgets.*`token` input/s,
    );
  });
});
