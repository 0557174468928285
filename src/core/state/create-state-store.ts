/**
 * The generic state store over any StateBackend: reads files lazily, runs a transaction,
 * commits all its changes as one commit and moves the branch with a compare-and-swap. When
 * another writer moved the branch first, it waits (jittered exponential backoff), re-reads the
 * fresh head and runs the transaction again from scratch, so concurrent runs never lose data.
 */
import type { Logger } from '../context';
import { StateError } from '../errors';
import { defaultStateSchemas, type StateSchemas } from './schemas';
import { assertStatePath, gitBlobSha, type StateFileLocation } from './state-file';
import type { StateBackend, StateCommit, StateStore, StateTransaction } from './state-store';
import { newSnapshot, readLoaded, StoreTransaction, type StateSnapshot } from './state-transaction';

export interface StateStoreOptions {
  /** Branch name, for messages (the backend already targets it). Default `tend-state`. */
  branch?: string;
  /** File schemas; default: the shared registry actions register into. */
  schemas?: StateSchemas;
  /** Attempts before giving up on a branch that keeps moving (default 8). */
  maxAttempts?: number;
  /** First backoff ceiling in ms, doubled per lost race (default 250). */
  baseDelayMs?: number;
  /** Highest backoff ceiling in ms (default 8000). */
  maxDelayMs?: number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  logger?: Logger;
}

const BLOB_CONCURRENCY = 8;
const MAX_LOAD_RUNS = 10_000;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createStateStore(
  backend: StateBackend,
  options: StateStoreOptions = {},
): StateStore {
  const branch = options.branch ?? 'tend-state';
  const schemas = options.schemas ?? defaultStateSchemas;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 8);
  const baseDelay = options.baseDelayMs ?? 250;
  const maxDelay = options.maxDelayMs ?? 8000;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? defaultSleep;
  /** Blobs and trees never change, so what was loaded once serves every later attempt. */
  const texts = new Map<string, string>();
  const listings = new Map<string, Map<string, string>>();

  const locate = (path: string): StateFileLocation => ({
    path,
    branch,
    where: backend.description,
  });

  async function loadListing(snapshot: StateSnapshot): Promise<Map<string, string>> {
    if (snapshot.listing) return snapshot.listing;
    const tree = (snapshot.head as { tree: string }).tree;
    let listing = listings.get(tree);
    if (!listing) {
      listing = await backend.listFiles(tree);
      listings.set(tree, listing);
    }
    snapshot.listing = listing;
    return listing;
  }

  async function loadBlobs(blobs: Iterable<string>): Promise<void> {
    const missing = [...new Set(blobs)].filter((blob) => !texts.has(blob));
    for (let i = 0; i < missing.length; i += BLOB_CONCURRENCY) {
      const batch = missing.slice(i, i + BLOB_CONCURRENCY);
      const loaded = await Promise.all(batch.map((blob) => backend.readBlob(blob)));
      batch.forEach((blob, index) => texts.set(blob, loaded[index] as string));
    }
  }

  /** Runs `mutate` until it ran on everything it reads; returns the finished transaction. */
  async function runMutate(
    snapshot: StateSnapshot,
    mutate: (tx: StateTransaction) => void | Promise<void>,
  ): Promise<StoreTransaction> {
    for (let run = 0; run < MAX_LOAD_RUNS; run += 1) {
      snapshot.wantListing = false;
      snapshot.wantBlobs.clear();
      const tx = new StoreTransaction(snapshot, schemas, locate);
      let failure: { error: unknown } | undefined;
      try {
        await mutate(tx);
      } catch (error) {
        failure = { error };
      }
      if (snapshot.wantListing || snapshot.wantBlobs.size > 0) {
        if (snapshot.wantListing) await loadListing(snapshot);
        await loadBlobs(snapshot.wantBlobs);
        continue;
      }
      if (tx.readError) throw tx.readError;
      if (failure) throw failure.error;
      return tx;
    }
    throw new Error(
      `State transaction on ${backend.description} kept asking for new files; it must read the same files when run again.`,
    );
  }

  /** The files to write: unchanged texts and deletions of absent files are dropped. */
  async function changesOf(
    tx: StoreTransaction,
    snapshot: StateSnapshot,
  ): Promise<Map<string, string | null>> {
    const hasDeletion = [...tx.writes.values()].some((written) => written === null);
    const listing = hasDeletion ? await loadListing(snapshot) : snapshot.listing;
    const changes = new Map<string, string | null>();
    for (const [path, written] of tx.writes) {
      const current = listing?.get(path);
      if (written === null) {
        if (current !== undefined) changes.set(path, null);
      } else if (!listing || current !== gitBlobSha(written.text)) {
        changes.set(path, written.text);
      }
    }
    return changes;
  }

  function backoff(attempt: number): number {
    return Math.round(random() * Math.min(maxDelay, baseDelay * 2 ** (attempt - 1)));
  }

  return {
    branch,

    async read<T = unknown>(path: string): Promise<T | undefined> {
      assertStatePath(path);
      const snapshot = newSnapshot(await backend.head(), texts);
      const listing = await loadListing(snapshot);
      const blob = listing.get(path);
      if (blob === undefined) return undefined;
      await loadBlobs([blob]);
      return readLoaded(snapshot, path, schemas, locate(path)) as T;
    },

    async list(prefix: string): Promise<string[]> {
      const snapshot = newSnapshot(await backend.head(), texts);
      const listing = await loadListing(snapshot);
      return [...listing.keys()].filter((path) => path.startsWith(prefix)).sort();
    },

    async update(message, mutate): Promise<StateCommit> {
      for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
        const head = await backend.head();
        const snapshot = newSnapshot(head, texts);
        const tx = await runMutate(snapshot, mutate);
        const changes = await changesOf(tx, snapshot);
        if (changes.size === 0) return { commit: null, attempts: attempt };
        const parent = head?.commit ?? null;
        const next = await backend.commit(parent, head?.tree ?? null, changes, message);
        if (next === null) return { commit: null, attempts: attempt };
        if (await backend.swap(parent, next)) return { commit: next, attempts: attempt };
        if (attempt < maxAttempts) {
          const wait = backoff(attempt);
          options.logger?.debug(
            `${backend.description} moved during "${message}"; retrying in ${wait} ms.`,
          );
          await sleep(wait);
        }
      }
      throw new StateError(
        `Could not save "${message}" to ${backend.description}: the branch kept moving (${maxAttempts} attempts, ` +
          'each lost the race to another writer). Nothing was lost: the branch still holds every earlier commit ' +
          'and this run wrote nothing. Fix: rerun the job, or run fewer tend jobs at the same time.',
      );
    },
  };
}
