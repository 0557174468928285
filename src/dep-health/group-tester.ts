// The ecosystem-neutral half of a test-gated update: try a group, and when its tests fail,
// split it to isolate the update(s) that break them, then retry what remains.
import type { PlannedUpdate } from './update-plan';

export interface FailedUpdate {
  update: PlannedUpdate;
  excerpt: string;
}

export interface GroupTestResult {
  passed: PlannedUpdate[];
  failed: FailedUpdate[];
  /** Changed files (repo-relative) when `passed` is non-empty and its tests passed. */
  changes: { path: string; content: string }[];
  /** Number of tries (apply, install, test) the group took, for the report. */
  runs: number;
  /** When the group could not be applied at all (a missing tool, an unusable setup), why. */
  error?: string;
  /** Updates left out before testing because they cannot be applied (a hashed pin, say). */
  notApplied?: { update: PlannedUpdate; reason: string }[];
}

/** One try of a set of updates: applied in a temporary copy, installed, tested. */
export interface Attempt {
  ok: boolean;
  /** What went wrong (or the test output tail), for the report. */
  excerpt: string;
  /** The files the updates changed, when the tests ran. */
  changes?: { path: string; content: string }[];
  /**
   * Set when the updates could not be tried at all for a reason no split can cure (the tool
   * is missing, the project cannot be read): the group stops there and reports it.
   */
  fatal?: string;
}

export type AttemptUpdates = (updates: PlannedUpdate[]) => Promise<Attempt>;

class FatalAttempt extends Error {}

/** Tests `updates` together; on failure bisects to the culprits and retries the rest. */
export async function testUpdateGroup(
  updates: PlannedUpdate[],
  attemptUpdates: AttemptUpdates,
): Promise<GroupTestResult> {
  let runs = 0;
  const attempt = async (list: PlannedUpdate[]): Promise<Attempt> => {
    const result = await attemptUpdates(list);
    if (result.fatal !== undefined) throw new FatalAttempt(result.fatal);
    runs++;
    return result;
  };

  /** The updates that fail on their own (or the whole set when only their combination fails). */
  const culprits = async (list: PlannedUpdate[], failure: Attempt): Promise<FailedUpdate[]> => {
    if (list.length === 1) return [{ update: list[0]!, excerpt: failure.excerpt }];
    const middle = Math.ceil(list.length / 2);
    const found: FailedUpdate[] = [];
    for (const half of [list.slice(0, middle), list.slice(middle)]) {
      const result = await attempt(half);
      if (!result.ok) found.push(...(await culprits(half, result)));
    }
    return found.length > 0 ? found : list.map((update) => ({ update, excerpt: failure.excerpt }));
  };

  try {
    if (updates.length === 0) return { passed: [], failed: [], changes: [], runs };
    const first = await attempt(updates);
    if (first.ok) return { passed: updates, failed: [], changes: first.changes ?? [], runs };
    const failed = await culprits(updates, first);
    const remaining = updates.filter((u) => !failed.some((f) => f.update === u));
    if (remaining.length === 0) return { passed: [], failed, changes: [], runs };
    const retry = await attempt(remaining);
    if (retry.ok) return { passed: remaining, failed, changes: retry.changes ?? [], runs };
    return {
      passed: [],
      failed: [...failed, ...remaining.map((update) => ({ update, excerpt: retry.excerpt }))],
      changes: [],
      runs,
    };
  } catch (error) {
    if (error instanceof FatalAttempt)
      return { passed: [], failed: [], changes: [], runs, error: error.message };
    throw error;
  }
}
