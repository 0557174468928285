// Creates that must not happen twice. Octokit's retry plugin resends a POST after a 5xx,
// but GitHub sometimes answers 5xx after it created the item: the resend would create a
// second one. So creates run without the plugin's retry, and after an answer that leaves
// unclear whether the create happened, tend first looks for what it meant to create.

import { errorStatus } from './github-errors';

/** Per-request Octokit option that turns the retry plugin off for one call. */
export const NO_RETRY = { retries: 0 } as const;

/**
 * Whether a failed write may have happened anyway: a 5xx (Octokit also reports a request
 * that got no answer at all, a reset connection or a timeout, as status 500).
 */
export function mayHaveHappened(error: unknown): boolean {
  const status = errorStatus(error);
  return status !== undefined && status >= 500;
}

export interface CreateOnceOptions<T> {
  /** Sends the create (with `request: NO_RETRY`). */
  create: () => Promise<T>;
  /** Finds the item when an earlier attempt did create it; undefined when it did not. */
  recover: () => Promise<T | undefined>;
  /** Attempts in all (default 3). */
  attempts?: number;
}

/**
 * Runs `create` until it answers, at most `attempts` times; before each new attempt after an
 * uncertain failure, `recover` is asked first and its find is returned instead of creating.
 * A definite failure (4xx) is thrown at once.
 */
export async function createOnce<T>(options: CreateOnceOptions<T>): Promise<T> {
  const attempts = options.attempts ?? 3;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await options.create();
    } catch (error) {
      if (!mayHaveHappened(error)) throw error;
      const found = await options.recover();
      if (found !== undefined) return found;
      if (attempt >= attempts) throw error;
    }
  }
}
