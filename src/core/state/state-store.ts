// Contract of tend's memory: JSON files on a dedicated branch, one atomic commit per run.
// Implementations: GitHubStateBackend (Git Data API) and LocalGitStateBackend (git plumbing),
// both driven by the generic `createStateStore` (compare-and-swap, re-read, re-apply, retry).

/** A transaction sees the freshest state; `mutate` may be called again after a conflict. */
export interface StateTransaction {
  /** The (migrated) data of a JSON file, without its `schemaVersion`; undefined when absent. */
  get<T = unknown>(path: string): T | undefined;
  /**
   * Writes a JSON file; `schemaVersion` is added by the store. `data` must be a JSON object
   * (wrap a list: `{ items: [...] }`); paths are relative and end in `.json`.
   */
  set(path: string, data: unknown): void;
  delete(path: string): void;
  /** Paths of the files present under a folder (`doc-drift/history/`): a plain prefix match. */
  list(prefix: string): string[];
}

export interface StateCommit {
  /** Commit sha, or null when the transaction changed nothing (no commit made). */
  commit: string | null;
  /**
   * How many times the state was read and `mutate` applied to it (1 without conflicts). Runs of
   * `mutate` that only discovered which files to load are not counted.
   */
  attempts: number;
}

export interface StateStore {
  readonly branch: string;
  /** Reads one JSON file (migrated, without `schemaVersion`). */
  read<T = unknown>(path: string): Promise<T | undefined>;
  list(prefix: string): Promise<string[]>;
  /**
   * Applies `mutate` to the current state and commits every change as one commit.
   * On a lost compare-and-swap the state is re-read and `mutate` re-applied, with jittered
   * backoff, up to a bounded number of attempts; then it throws StateError and nothing is lost.
   */
  update(
    message: string,
    mutate: (tx: StateTransaction) => void | Promise<void>,
  ): Promise<StateCommit>;
}

/** The low-level operations a backend provides; the store builds everything else on them. */
export interface StateBackend {
  /** Human description for errors: `branch tend-state of owner/repo`. */
  readonly description: string;
  /** Head commit of the branch and its tree, or null when the branch does not exist yet. */
  head(): Promise<{ commit: string; tree: string } | null>;
  /** All JSON file paths and their blob ids in a tree. */
  listFiles(tree: string): Promise<Map<string, string>>;
  /** Raw text of a blob. */
  readBlob(blob: string): Promise<string>;
  /**
   * Makes a commit whose tree is `baseTree` with `changes` applied (null deletes), parented on
   * `parent` (null: an orphan root commit). Returns the new commit sha, or null when the new
   * tree equals `baseTree` (nothing to commit).
   */
  commit(
    parent: string | null,
    baseTree: string | null,
    changes: Map<string, string | null>,
    message: string,
  ): Promise<string | null>;
  /**
   * Compare-and-swap: moves the branch from `expected` (null: create it) to `next`.
   * Returns false when the branch moved meanwhile (or already exists); never forces. `next` is
   * always a commit whose parent is `expected`.
   */
  swap(expected: string | null, next: string): Promise<boolean>;
}
