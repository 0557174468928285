// An in-memory StateStore for unit tests, with the store's contract: JSON files (stored as
// text, with `schemaVersion` added on write and removed on read), one commit per update that
// changes something, nothing committed when `mutate` throws, and re-read / re-apply when
// another writer committed meanwhile.
import { StateError } from '../../src/core/errors';
import type { StateSchemas } from '../../src/core/state/schemas';
import type { StateCommit, StateStore, StateTransaction } from '../../src/core/state/state-store';

export interface MemoryCommit {
  sha: string;
  message: string;
  /** Paths written or deleted by the commit, sorted. */
  paths: string[];
}

export interface MemoryStateStore extends StateStore {
  /** Every file as stored (parsed, with `schemaVersion`), sorted by path. */
  files(): Record<string, unknown>;
  /** Commits made so far, oldest first (seeding counts as one). */
  readonly commits: MemoryCommit[];
  /** Writes files directly, as another writer's commit would (bumps the head). */
  write(files: Record<string, unknown>, message?: string): void;
  /**
   * Calls `hook` after `mutate` and before the compare-and-swap of the next update, so a
   * test can commit in between (a concurrent run) and see the update re-applied.
   */
  beforeNextSwap(hook: () => void): void;
}

export interface MemoryStateStoreOptions {
  branch?: string;
  /** Initial files (data without `schemaVersion`). */
  files?: Record<string, unknown>;
  schemaVersion?: number;
  /** Attempts before an update gives up with StateError (default 5). */
  maxAttempts?: number;
  /** When given, writes are validated against the registered file schemas, as the real store does. */
  schemas?: StateSchemas;
}

function checkPath(path: string): void {
  if (
    path === '' ||
    path.startsWith('/') ||
    path.split('/').some((part) => part === '' || part === '.' || part === '..')
  ) {
    throw new StateError(`invalid state file path ${JSON.stringify(path)}`);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sha(n: number): string {
  return n.toString(16).padStart(40, '0');
}

export function createMemoryStateStore(options: MemoryStateStoreOptions = {}): MemoryStateStore {
  const schemaVersion = options.schemaVersion ?? 1;
  const maxAttempts = options.maxAttempts ?? 5;
  let head = new Map<string, string>();
  const commits: MemoryCommit[] = [];
  let hooks: (() => void)[] = [];

  const encode = (data: unknown): string => {
    if (data === undefined) throw new StateError('cannot write undefined; delete the file instead');
    return JSON.stringify(isPlainObject(data) ? { schemaVersion, ...data } : data, null, 2);
  };
  const decode = <T>(text: string | undefined): T | undefined => {
    if (text === undefined) return undefined;
    const data = JSON.parse(text) as unknown;
    if (isPlainObject(data)) delete data.schemaVersion;
    return data as T;
  };
  const listIn = (files: Map<string, string>, prefix: string) =>
    [...files.keys()].filter((path) => path.startsWith(prefix)).sort();

  const commit = (next: Map<string, string>, paths: string[], message: string): string => {
    head = next;
    const id = sha(commits.length + 1);
    commits.push({ sha: id, message, paths: [...paths].sort() });
    return id;
  };

  const store: MemoryStateStore = {
    branch: options.branch ?? 'tend-state',
    commits,
    async read<T>(path: string) {
      return decode<T>(head.get(path));
    },
    async list(prefix: string) {
      return listIn(head, prefix);
    },
    async update(message, mutate): Promise<StateCommit> {
      for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
        const base = head;
        const working = new Map(base);
        const tx: StateTransaction = {
          get: <T>(path: string) => decode<T>(working.get(path)),
          set(path, data) {
            checkPath(path);
            const problem = isPlainObject(data)
              ? options.schemas?.resolve(path).validate?.(data)
              : undefined;
            if (problem)
              throw new TypeError(`State file ${path} would not match its schema: ${problem}.`);
            working.set(path, encode(data));
          },
          delete(path) {
            working.delete(path);
          },
          list: (prefix) => listIn(working, prefix),
        };
        await mutate(tx);
        const pending = hooks;
        hooks = [];
        for (const hook of pending) hook();
        if (head !== base) continue; // lost the compare-and-swap: re-read and re-apply
        const changed = [...new Set([...base.keys(), ...working.keys()])].filter(
          (p) => base.get(p) !== working.get(p),
        );
        if (changed.length === 0) return { commit: null, attempts: attempt };
        return { commit: commit(working, changed, message), attempts: attempt };
      }
      throw new StateError(
        `state branch ${store.branch} kept moving; gave up after ${maxAttempts} attempts`,
      );
    },
    files() {
      return Object.fromEntries(
        [...head.keys()].sort().map((path) => [path, JSON.parse(head.get(path) as string)]),
      );
    },
    write(files, message = 'another writer') {
      const next = new Map(head);
      for (const [path, data] of Object.entries(files)) {
        checkPath(path);
        next.set(path, encode(data));
      }
      commit(next, Object.keys(files), message);
    },
    beforeNextSwap(hook) {
      hooks.push(hook);
    },
  };
  if (options.files && Object.keys(options.files).length > 0) store.write(options.files, 'seed');
  return store;
}
