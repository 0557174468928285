/**
 * The contract every state backend must meet, driven through `createStateStore`: round trip,
 * orphan branch, one commit per update, no empty commits, 20 concurrent writers losing nothing,
 * refusal of unreadable state with the branch untouched, and migration on read.
 */
import { StateError } from '../../../src/core/errors';
import { createStateStore, StateSchemas, type StateStoreOptions } from '../../../src/core/state';
import type { StateBackend, StateStore } from '../../../src/core/state/state-store';

export interface ContractFixture {
  branch: string;
  /** A new backend on the same branch, as a separate process would have. */
  backend(): StateBackend;
  /** Parent commits of a commit. */
  parentsOf(commit: string): Promise<string[]>;
  close(): Promise<void>;
}

/** Writes raw file texts on the branch through the backend itself (to plant broken state). */
export async function seedRaw(
  backend: StateBackend,
  files: Record<string, string>,
): Promise<string> {
  const head = await backend.head();
  const next = await backend.commit(
    head?.commit ?? null,
    head?.tree ?? null,
    new Map(Object.entries(files)),
    'seed',
  );
  if (!next || !(await backend.swap(head?.commit ?? null, next)))
    throw new Error('seeding the branch failed');
  return next;
}

/** Every commit from the head down to the root. */
export async function history(fixture: ContractFixture): Promise<string[]> {
  const commits: string[] = [];
  let commit = (await fixture.backend().head())?.commit;
  while (commit) {
    commits.push(commit);
    commit = (await fixture.parentsOf(commit))[0];
  }
  return commits;
}

export async function rawFile(backend: StateBackend, path: string): Promise<string | undefined> {
  const head = await backend.head();
  if (!head) return undefined;
  const blob = (await backend.listFiles(head.tree)).get(path);
  return blob === undefined ? undefined : backend.readBlob(blob);
}

/** Each writer adds `records/<i>.json` and appends `i` to the shared `index.json`, so they conflict. */
export function addRecord(store: StateStore, i: number) {
  return store.update(`record ${i}`, (tx) => {
    const index = tx.get<{ ids: number[] }>('index.json') ?? { ids: [] };
    if (!index.ids.includes(i)) index.ids.push(i);
    tx.set('index.json', index);
    tx.set(`records/${i}.json`, { id: i, writer: `writer-${i}` });
  });
}

export function describeStateStoreContract(
  name: string,
  setup: () => Promise<ContractFixture>,
  storeOptions: Omit<StateStoreOptions, 'branch'> = {},
): void {
  describe(`state store contract: ${name}`, () => {
    let fixture: ContractFixture;
    const open = (extra: Omit<StateStoreOptions, 'branch'> = {}) =>
      createStateStore(fixture.backend(), { branch: fixture.branch, ...storeOptions, ...extra });

    beforeEach(async () => {
      fixture = await setup();
    });
    afterEach(async () => {
      await fixture.close();
    });

    it('reads back what an update wrote, from a fresh store, as deterministic JSON with schemaVersion first', async () => {
      await open().update('write', (tx) => {
        tx.set('proposals.json', { zeta: [3, { b: 1, a: 2 }], alpha: 'x' });
        tx.set('doc-drift/history/2026-W01.json', { week: '2026-W01' });
      });
      const store = open();
      expect(await store.read('proposals.json')).toEqual({ alpha: 'x', zeta: [3, { a: 2, b: 1 }] });
      expect(await store.list('doc-drift/')).toEqual(['doc-drift/history/2026-W01.json']);
      expect(await store.read('missing.json')).toBeUndefined();
      expect(await rawFile(fixture.backend(), 'proposals.json')).toBe(
        '{\n  "schemaVersion": 1,\n  "alpha": "x",\n  "zeta": [\n    3,\n    {\n      "a": 2,\n      "b": 1\n    }\n  ]\n}\n',
      );
    });

    it('creates the branch as an orphan (a root commit) on first use', async () => {
      expect(await fixture.backend().head()).toBeNull();
      const result = await open().update('first', (tx) => tx.set('a.json', { a: 1 }));
      expect(result.commit).toMatch(/^[0-9a-f]{40}$/);
      expect((await fixture.backend().head())?.commit).toBe(result.commit);
      expect(await fixture.parentsOf(result.commit as string)).toEqual([]);
    });

    it('makes exactly one commit per update whatever the number of files', async () => {
      const store = open();
      const first = await store.update('one file', (tx) => tx.set('one.json', { n: 1 }));
      const second = await store.update('fifty files', (tx) => {
        for (let i = 0; i < 50; i++) tx.set(`many/file-${i}.json`, { i });
      });
      expect(await history(fixture)).toEqual([second.commit, first.commit]);
      expect(await store.list('many/')).toHaveLength(50);
      expect(await store.read('one.json')).toEqual({ n: 1 });
    });

    it('makes no commit when the update changes nothing', async () => {
      const store = open();
      const first = await store.update('write', (tx) => tx.set('a.json', { a: 1, b: [1, 2] }));
      const same = await store.update('same data, other key order', (tx) =>
        tx.set('a.json', { b: [1, 2], a: 1 }),
      );
      const readOnly = await store.update('read only', (tx) => void tx.get('a.json'));
      const deleteAbsent = await store.update('delete absent', (tx) => tx.delete('nothing.json'));
      expect([same.commit, readOnly.commit, deleteAbsent.commit]).toEqual([null, null, null]);
      expect((await fixture.backend().head())?.commit).toBe(first.commit);
    });

    it('deletes files and lists what the transaction sees', async () => {
      const store = open();
      await store.update('write', (tx) => {
        tx.set('h/1.json', { n: 1 });
        tx.set('h/2.json', { n: 2 });
      });
      let seen: string[] = [];
      await store.update('delete one, add one', (tx) => {
        tx.delete('h/1.json');
        tx.set('h/3.json', { n: 3 });
        seen = tx.list('h/');
      });
      expect(seen).toEqual(['h/2.json', 'h/3.json']);
      expect(await store.list('h/')).toEqual(['h/2.json', 'h/3.json']);
      expect(await store.read('h/1.json')).toBeUndefined();
    });

    it('keeps every record when 20 writers update the branch at once', async () => {
      // 20 at once is a stress test: the default of 8 attempts is sized for a few concurrent jobs
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => addRecord(open({ maxAttempts: 16 }), i)),
      );
      const store = open();
      expect(await store.list('records/')).toHaveLength(20);
      expect(
        ((await store.read<{ ids: number[] }>('index.json'))?.ids ?? []).sort((a, b) => a - b),
      ).toEqual(Array.from({ length: 20 }, (_, i) => i));
      for (let i = 0; i < 20; i++)
        expect(await store.read(`records/${i}.json`)).toEqual({ id: i, writer: `writer-${i}` });
      expect(results.every((r) => r.commit !== null)).toBe(true);
      // conflicts really happened and were re-applied on fresh state
      expect(results.some((r) => r.attempts > 1)).toBe(true);
      expect(await history(fixture)).toHaveLength(20);
    });

    it('refuses corrupt JSON with the branch, the path and the fix, and leaves the branch untouched', async () => {
      await seedRaw(fixture.backend(), {
        'records/1.json': '{"schemaVersion": 1, "id": 1}\n',
        'doc-drift/latest.json': '{ "schemaVersion": 1, "findings": [',
      });
      const before = await fixture.backend().head();
      const store = open();
      const attempt = store.update('needs latest', (tx) => {
        tx.set('records/2.json', { id: 2 });
        tx.get('doc-drift/latest.json');
      });
      await expect(attempt).rejects.toThrow(StateError);
      await expect(attempt).rejects.toThrow(
        /doc-drift\/latest\.json.*tend-state.*not valid JSON.*repair or delete/s,
      );
      // even a transaction that swallows the error does not get to overwrite the file
      await expect(
        store.update('swallow', (tx) => {
          try {
            tx.get('doc-drift/latest.json');
          } catch {
            /* ignored on purpose */
          }
          tx.set('doc-drift/latest.json', { findings: [] });
        }),
      ).rejects.toThrow(/not valid JSON/);
      await expect(store.read('doc-drift/latest.json')).rejects.toThrow(StateError);
      expect(await fixture.backend().head()).toEqual(before);
      expect(await store.read('records/1.json')).toEqual({ id: 1 });
    });

    it('refuses a file written by a newer tend and one without schemaVersion, branch untouched', async () => {
      const schemas = new StateSchemas({
        'proposals.json': { version: 2, migrate: { 1: (d) => d } },
      });
      await seedRaw(fixture.backend(), {
        'proposals.json': '{\n  "schemaVersion": 3,\n  "items": []\n}\n',
        'experiments.json': '{\n  "items": []\n}\n',
      });
      const before = await fixture.backend().head();
      const store = open({ schemas });
      await expect(store.update('add', (tx) => void tx.get('proposals.json'))).rejects.toThrow(
        /proposals\.json.*schemaVersion 3.*newer than the 2.*upgrade tend/s,
      );
      await expect(store.update('add', (tx) => void tx.get('experiments.json'))).rejects.toThrow(
        /experiments\.json.*has no schemaVersion/s,
      );
      expect(await fixture.backend().head()).toEqual(before);
    });

    it('migrates an old version on read and writes the current version only when the file is set', async () => {
      const schemas = new StateSchemas({
        '*/latest.json': {
          version: 3,
          migrate: {
            1: (d) => ({ ...d, items: d.list, list: undefined }),
            2: (d) => ({ ...d, count: (d.items as unknown[]).length }),
          },
        },
      });
      await seedRaw(fixture.backend(), {
        'dep-health/latest.json': '{"schemaVersion": 1, "list": ["a", "b"]}',
      });
      const store = open({ schemas });
      expect(await store.read('dep-health/latest.json')).toEqual({ items: ['a', 'b'], count: 2 });
      const readOnly = await store.update('read', (tx) => void tx.get('dep-health/latest.json'));
      expect(readOnly.commit).toBeNull();
      expect(await rawFile(fixture.backend(), 'dep-health/latest.json')).toBe(
        '{"schemaVersion": 1, "list": ["a", "b"]}',
      );
      await store.update('rewrite', (tx) => {
        const latest = tx.get<{ items: string[] }>('dep-health/latest.json');
        tx.set('dep-health/latest.json', { ...latest, items: [...(latest?.items ?? []), 'c'] });
      });
      const text = await rawFile(fixture.backend(), 'dep-health/latest.json');
      expect(JSON.parse(text as string)).toEqual({
        schemaVersion: 3,
        items: ['a', 'b', 'c'],
        count: 2,
      });
    });
  });
}
