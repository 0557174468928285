// What review-miner remembers on the state branch: the collection cursor, rejected and merged
// themes, and per-week comment counts per theme (for before/after measurement).
import { isoWeek } from '../core/iso-week';
import type { StateTransaction } from '../core/state/state-store';

export const LATEST = 'review-miner/latest.json';
export const HISTORY_PREFIX = 'review-miner/history/';

export interface LatestState {
  cursor?: string;
  lastRunAt?: string;
  counts?: { kept: number; dropped: number; byReason: Record<string, number> };
  themeCounts?: Record<string, number>;
  /** Theme -> comment count when its PR was closed unmerged. */
  rejected?: Record<string, { count: number; at: string }>;
  /** Theme -> when its PR was merged (start of the "after" period). */
  merged?: Record<string, { at: string; pull?: number }>;
  proposals?: string[];
  clusters?: { name: string; size: number }[];
}

export interface WeekHistory {
  week: string;
  /** Comment id -> theme; counts are derived, so reruns never double count. */
  comments: Record<string, string>;
  themeCounts: Record<string, number>;
}

/** Whether a rejected theme may be proposed again: it must have grown by `factor` since. */
export function mayProposeAgain(latest: LatestState, theme: string, count: number, factor = 2): boolean {
  const rejected = latest.rejected?.[theme];
  return rejected === undefined || count >= rejected.count * factor;
}

export function recordWeeks(tx: StateTransaction, items: { id: string | number; theme: string; createdAt?: string }[]): string[] {
  const byWeek = new Map<string, typeof items>();
  for (const item of items) {
    if (!item.createdAt) continue;
    const week = isoWeek(new Date(item.createdAt));
    byWeek.set(week, [...(byWeek.get(week) ?? []), item]);
  }
  for (const [week, list] of byWeek) {
    const file = `${HISTORY_PREFIX}${week}.json`;
    const previous = tx.get<WeekHistory>(file);
    const comments = { ...(previous?.comments ?? {}) };
    for (const item of list) comments[String(item.id)] = item.theme;
    const themeCounts: Record<string, number> = {};
    for (const theme of Object.values(comments)) themeCounts[theme] = (themeCounts[theme] ?? 0) + 1;
    tx.set(file, { week, comments, themeCounts } satisfies WeekHistory);
  }
  return [...byWeek.keys()].sort();
}
