import { StateError } from '../../src/core/errors';
import { StateSchemas } from '../../src/core/state/schemas';
import { createMemoryStateStore } from '../support/memory-state-store';

describe('memory state store (test support)', () => {
  it('adds schemaVersion on write and hides it on read', async () => {
    const store = createMemoryStateStore({ files: { 'a/latest.json': { n: 1 } } });
    expect(await store.read('a/latest.json')).toEqual({ n: 1 });
    expect(store.files()).toEqual({ 'a/latest.json': { schemaVersion: 1, n: 1 } });
  });

  it('commits every change of an update at once, and nothing when nothing changed', async () => {
    const store = createMemoryStateStore();
    const first = await store.update('two files', (tx) => {
      tx.set('x/one.json', { v: 1 });
      expect(tx.get('x/one.json')).toEqual({ v: 1 });
      tx.set('x/two.json', { v: 2 });
    });
    expect(first).toEqual({ commit: expect.stringMatching(/^[0-9a-f]{40}$/), attempts: 1 });
    expect(await store.list('x/')).toEqual(['x/one.json', 'x/two.json']);
    const same = await store.update('no change', (tx) => tx.set('x/one.json', { v: 1 }));
    expect(same.commit).toBeNull();
    expect(store.commits.map((c) => c.message)).toEqual(['two files']);
  });

  it('commits nothing when the mutation throws', async () => {
    const store = createMemoryStateStore();
    await expect(
      store.update('fails', (tx) => {
        tx.set('x.json', {});
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.list('')).toEqual([]);
  });

  it('hands out copies, so changing read data does not change the state', async () => {
    const store = createMemoryStateStore({ files: { 'x.json': { list: [1] } } });
    const data = (await store.read<{ list: number[] }>('x.json'))!;
    data.list.push(2);
    expect(await store.read('x.json')).toEqual({ list: [1] });
  });

  it('re-applies the mutation on the fresh state after a concurrent commit', async () => {
    const store = createMemoryStateStore({ files: { 'count.json': { n: 0 } } });
    store.beforeNextSwap(() => store.write({ 'count.json': { n: 10 } }));
    const outcome = await store.update('increment', (tx) => {
      tx.set('count.json', { n: tx.get<{ n: number }>('count.json')!.n + 1 });
    });
    expect(outcome.attempts).toBe(2);
    expect(await store.read('count.json')).toEqual({ n: 11 });
  });

  it('gives up with StateError when the branch keeps moving', async () => {
    const store = createMemoryStateStore({ maxAttempts: 2 });
    const move = () => store.write({ 'other.json': { at: Math.random() } });
    store.beforeNextSwap(() => {
      move();
      store.beforeNextSwap(move);
    });
    await expect(store.update('never lands', (tx) => tx.set('x.json', {}))).rejects.toThrow(
      StateError,
    );
    expect(await store.read('x.json')).toBeUndefined();
  });

  it('refuses paths that climb out of the branch', async () => {
    const store = createMemoryStateStore();
    await expect(store.update('bad', (tx) => tx.set('../x.json', {}))).rejects.toThrow(StateError);
  });

  it('validates writes against a schema registry when given one', async () => {
    const schemas = new StateSchemas({
      'counts/*.json': {
        version: 1,
        validate: (data) => (typeof data.n === 'number' ? undefined : 'n must be a number'),
      },
    });
    const store = createMemoryStateStore({ schemas });
    await expect(store.update('bad', (tx) => tx.set('counts/a.json', { n: 'x' }))).rejects.toThrow(
      /n must be a number/,
    );
    await store.update('good', (tx) => tx.set('counts/a.json', { n: 1 }));
    expect(await store.read('counts/a.json')).toEqual({ n: 1 });
  });
});
