/**
 * The transaction `mutate` works on. Files are loaded lazily: `get` and `list` are synchronous,
 * so a read of something not loaded yet records what is missing and throws `LoadRequired`;
 * the store loads it and runs `mutate` again on the same head. Writes are kept as the
 * serialised text the commit will hold.
 */
import { StateError } from '../errors';
import type { StateSchemas, StateData } from './schemas';
import {
  assertStatePath,
  normaliseStateData,
  parseStateFile,
  serializeStateFile,
} from './state-file';
import type { StateFileLocation } from './state-file';
import type { StateTransaction } from './state-store';

/** What one attempt knows about the branch, shared by the runs of `mutate` on the same head. */
export interface StateSnapshot {
  head: { commit: string; tree: string } | null;
  /** Path -> blob id, once listed (an empty map for a branch that does not exist yet). */
  listing: Map<string, string> | undefined;
  /** Blob id -> text, for the blobs loaded so far. */
  texts: Map<string, string>;
  /** What the last run of `mutate` asked for and did not have. */
  wantListing: boolean;
  wantBlobs: Set<string>;
}

/** Thrown by `get`/`list` when data must be loaded first; the store re-runs `mutate`. Do not catch it. */
export class LoadRequired extends Error {
  constructor(what: string) {
    super(`tend state: ${what} is being loaded; the transaction runs again once it is.`);
    this.name = 'LoadRequired';
  }
}

export function newSnapshot(
  head: StateSnapshot['head'],
  texts: Map<string, string>,
): StateSnapshot {
  return {
    head,
    listing: head ? undefined : new Map(),
    texts,
    wantListing: false,
    wantBlobs: new Set(),
  };
}

/** Parses the file at `path` of a snapshot whose listing and blob are loaded. */
export function readLoaded(
  snapshot: StateSnapshot,
  path: string,
  schemas: StateSchemas,
  location: StateFileLocation,
): StateData | undefined {
  const blob = snapshot.listing?.get(path);
  if (blob === undefined) return undefined;
  const text = snapshot.texts.get(blob);
  if (text === undefined) throw new Error(`state blob ${blob} of ${path} is not loaded`);
  return parseStateFile(text, location, schemas.resolve(path)).data;
}

export class StoreTransaction implements StateTransaction {
  /** Path -> new text and data, or null for a deletion. */
  readonly writes = new Map<string, { text: string; data: StateData } | null>();
  /** The first file this transaction could not read; the store refuses to commit after it. */
  readError: StateError | undefined;

  constructor(
    private readonly snapshot: StateSnapshot,
    private readonly schemas: StateSchemas,
    private readonly locate: (path: string) => StateFileLocation,
  ) {}

  get<T = unknown>(path: string): T | undefined {
    assertStatePath(path);
    if (this.writes.has(path)) {
      const written = this.writes.get(path);
      return written ? (structuredClone(written.data) as T) : undefined;
    }
    const listing = this.requireListing();
    const blob = listing.get(path);
    if (blob === undefined) return undefined;
    if (!this.snapshot.texts.has(blob)) {
      this.snapshot.wantBlobs.add(blob);
      throw new LoadRequired(path);
    }
    try {
      return readLoaded(this.snapshot, path, this.schemas, this.locate(path)) as T;
    } catch (error) {
      if (error instanceof StateError) this.readError ??= error;
      throw error;
    }
  }

  set(path: string, data: unknown): void {
    assertStatePath(path);
    const normalised = normaliseStateData(path, data);
    const schema = this.schemas.resolve(path);
    const problem = schema.validate?.(normalised);
    if (problem)
      throw new TypeError(
        `State file ${path} would not match its schemaVersion ${schema.version}: ${problem}.`,
      );
    const text = serializeStateFile(normalised, schema.version);
    this.writes.set(path, { text, data: normalised });
  }

  delete(path: string): void {
    assertStatePath(path);
    this.writes.set(path, null);
  }

  list(prefix: string): string[] {
    const paths = new Set(
      [...this.requireListing().keys()].filter((path) => path.startsWith(prefix)),
    );
    for (const [path, written] of this.writes) {
      if (!path.startsWith(prefix)) continue;
      if (written) paths.add(path);
      else paths.delete(path);
    }
    return [...paths].sort();
  }

  private requireListing(): Map<string, string> {
    if (this.snapshot.listing) return this.snapshot.listing;
    this.snapshot.wantListing = true;
    throw new LoadRequired('the file listing');
  }
}
