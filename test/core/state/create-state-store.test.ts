/**
 * The generic store on an in-memory backend: the shared contract, retry and backoff, lazy
 * loading, refusals, and the schema registry.
 */
import { StateError } from '../../../src/core/errors';
import { createStateStore, StateSchemas } from '../../../src/core/state';
import { describeStateStoreContract, seedRaw } from './state-store-contract';
import { createMemoryBackend, newMemoryRepo, type MemoryRepo } from './memory-backend';

describeStateStoreContract('in-memory backend', async () => {
  const repo = newMemoryRepo();
  return {
    branch: 'tend-state',
    backend: () => createMemoryBackend(repo),
    parentsOf: async (commit) => {
      const parent = repo.commits.get(commit)?.parent;
      return parent ? [parent] : [];
    },
    close: async () => undefined,
  };
});

/** A commit by another writer, straight on the branch. */
async function foreignCommit(repo: MemoryRepo, files: Record<string, string>): Promise<void> {
  await seedRaw(createMemoryBackend(repo), files);
}

describe('createStateStore', () => {
  it('gives up after maxAttempts with jittered exponential backoff and says nothing was lost', async () => {
    const repo = newMemoryRepo();
    let foreign = 0;
    const backend = createMemoryBackend(repo, {
      beforeSwap: () =>
        foreignCommit(repo, { [`other/${(foreign += 1)}.json`]: '{"schemaVersion": 1}\n' }),
    });
    const sleeps: number[] = [];
    const store = createStateStore(backend, {
      maxAttempts: 6,
      baseDelayMs: 100,
      maxDelayMs: 1000,
      random: () => 0.5,
      sleep: async (ms) => void sleeps.push(ms),
    });
    const attempt = store.update('mine', (tx) => tx.set('mine.json', { mine: true }));
    await expect(attempt).rejects.toThrow(StateError);
    await expect(attempt).rejects.toThrow(
      /"mine".*branch tend-state in memory.*kept moving.*6 attempts.*Nothing was lost/s,
    );
    expect(sleeps.slice(0, 5)).toEqual([50, 100, 200, 400, 500]);
    expect(await store.read('mine.json')).toBeUndefined();
    expect(await store.list('other/')).toHaveLength(foreign);
  });

  it('re-runs the transaction from scratch on the fresh state after losing the race', async () => {
    const repo = newMemoryRepo();
    let raced = false;
    const backend = createMemoryBackend(repo, {
      beforeSwap: async () => {
        if (raced) return;
        raced = true;
        await foreignCommit(repo, { 'counter.json': '{\n  "schemaVersion": 1,\n  "n": 10\n}\n' });
      },
    });
    const store = createStateStore(backend, { sleep: async () => undefined });
    const result = await store.update('increment', (tx) => {
      const counter = tx.get<{ n: number }>('counter.json') ?? { n: 0 };
      tx.set('counter.json', { n: counter.n + 1 });
    });
    expect(result.attempts).toBe(2);
    expect(await store.read('counter.json')).toEqual({ n: 11 });
  });

  it('loads only the files the transaction reads, and no listing for pure writes', async () => {
    const repo = newMemoryRepo();
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`many/${i}.json`] = `{"schemaVersion": 1, "i": ${i}}`;
    await foreignCommit(repo, files);
    const store = createStateStore(createMemoryBackend(repo));
    repo.calls.length = 0;
    await store.update('write only', (tx) => tx.set('new.json', { fresh: true }));
    expect(repo.calls.filter((c) => c.startsWith('listFiles') || c.startsWith('readBlob'))).toEqual(
      [],
    );
    repo.calls.length = 0;
    let seen: unknown;
    await store.update('read one', async (tx) => {
      await Promise.resolve();
      seen = tx.get('many/7.json');
    });
    expect(seen).toEqual({ i: 7 });
    expect(repo.calls.filter((c) => c.startsWith('readBlob'))).toHaveLength(1);
  });

  it('commits nothing when the transaction throws, and passes its error on', async () => {
    const repo = newMemoryRepo();
    const store = createStateStore(createMemoryBackend(repo));
    await expect(
      store.update('fails', (tx) => {
        tx.set('a.json', { a: 1 });
        throw new Error('analysis failed');
      }),
    ).rejects.toThrow('analysis failed');
    expect(repo.ref).toBeNull();
  });

  it('hands out copies: changing what get returned writes nothing until set', async () => {
    const repo = newMemoryRepo();
    const store = createStateStore(createMemoryBackend(repo));
    await store.update('write', (tx) => tx.set('a.json', { list: [1] }));
    const result = await store.update('mutate a copy', (tx) => {
      tx.get<{ list: number[] }>('a.json')?.list.push(2);
      expect(tx.get('a.json')).toEqual({ list: [1] });
    });
    expect(result.commit).toBeNull();
  });

  it('refuses values that are not JSON objects and paths that are not relative .json files', async () => {
    const store = createStateStore(createMemoryBackend(newMemoryRepo()));
    await expect(store.update('array', (tx) => tx.set('a.json', [1, 2]))).rejects.toThrow(
      /must hold a JSON object/,
    );
    for (const path of ['/abs.json', '../up.json', 'a//b.json', 'notes.txt', 'a/./b.json']) {
      await expect(store.update('bad path', (tx) => tx.set(path, {}))).rejects.toThrow(
        /Invalid state path/,
      );
    }
    await expect(store.read('x.yml')).rejects.toThrow(/Invalid state path/);
  });

  it('keeps schemaVersion first even when the data has integer-like keys', async () => {
    const repo = newMemoryRepo();
    const store = createStateStore(createMemoryBackend(repo), {
      schemas: new StateSchemas({ 'weeks.json': { version: 4 } }),
    });
    await store.update('write', (tx) =>
      tx.set('weeks.json', { b: 1, 2026: 'x', schemaVersion: 99 }),
    );
    const text = [...repo.blobs.values()][0];
    expect(text).toBe('{\n  "schemaVersion": 4,\n  "2026": "x",\n  "b": 1\n}\n');
  });

  it('applies a schema validate hook: unreadable content is refused on read, invalid data on write', async () => {
    const repo = newMemoryRepo();
    await foreignCommit(repo, { 'proposals.json': '{"schemaVersion": 1, "items": "oops"}' });
    const schemas = new StateSchemas({
      'proposals.json': {
        version: 1,
        validate: (d) => (Array.isArray(d.items) ? undefined : '`items` must be a list'),
      },
    });
    const store = createStateStore(createMemoryBackend(repo), { schemas });
    await expect(store.read('proposals.json')).rejects.toThrow(
      /proposals\.json.*`items` must be a list.*repair or delete/s,
    );
    await expect(
      store.update('bad', (tx) => tx.set('proposals.json', { items: 3 })),
    ).rejects.toThrow(/would not match/);
  });

  it('refuses an old file it has no migration step for, naming the missing step', async () => {
    const repo = newMemoryRepo();
    await foreignCommit(repo, { 'a/latest.json': '{"schemaVersion": 1}' });
    const schemas = new StateSchemas({ '*/latest.json': { version: 3, migrate: { 2: (d) => d } } });
    await expect(
      createStateStore(createMemoryBackend(repo), { schemas }).read('a/latest.json'),
    ).rejects.toThrow(/schemaVersion 1 and this tend has no migration from 1 to 2/);
  });
});

describe('StateSchemas', () => {
  const schemas = new StateSchemas({
    'proposals.json': { version: 5 },
    '*/latest.json': { version: 2 },
    '*/history/*.json': { version: 3 },
    'doc-drift/history/*.json': { version: 4 },
    '**.json': { version: 7 },
  });
  schemas.register(/^dep-health\/cache-\d+\.json$/, { version: 6 });

  it.each([
    ['proposals.json', 5],
    ['review-miner/latest.json', 2],
    ['review-miner/history/2026-W02.json', 3],
    ['doc-drift/history/2026-W02.json', 4],
    ['dep-health/cache-12.json', 6],
    ['deep/er/file.json', 7],
  ])('resolves %s to version %d (the most specific pattern wins)', (path, version) => {
    expect(schemas.resolve(path).version).toBe(version);
  });

  it('does not let * cross a folder and falls back to version 1 when nothing matches', () => {
    const narrow = new StateSchemas({ '*/latest.json': { version: 2 } });
    expect(narrow.resolve('a/b/latest.json').version).toBe(1);
    expect(narrow.resolve('experiments.json').version).toBe(1);
  });

  it('rejects a version that is not a positive integer', () => {
    expect(() => new StateSchemas({ 'a.json': { version: 0 } })).toThrow(/integer from 1/);
  });
});
