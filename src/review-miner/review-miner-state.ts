// What review-miner remembers on the state branch, besides what recordRun writes: in
// `latest.json` the collection cursor and the rejected / merged / proposed themes; per ISO week
// of the comments' creation, the kept comments (id -> theme, PR, reviewer) in
// `review-miner/comments/<week>.json`, and the derived `themeCounts` in the week's history file.
import { isoWeek } from '../core/iso-week';
import { historyPath } from '../core/state-files';
import type { StateStore, StateTransaction } from '../core/state/state-store';

export const LATEST = 'review-miner/latest.json';
export const COMMENTS_PREFIX = 'review-miner/comments/';

/** The fields review-miner adds to `review-miner/latest.json`. */
export interface LatestState {
  cursor?: string;
  counts?: { kept: number; dropped: number; byReason: Record<string, number> };
  themeCounts?: Record<string, number>;
  /** Theme -> comment count when its PR was closed unmerged. */
  rejected?: Record<string, { count: number; at: string; pull?: number }>;
  /** Theme -> when its PR was merged (start of the "after" period). */
  merged?: Record<string, { at: string; pull?: number }>;
  /** Theme -> comment count when it was last proposed (the count a rejection refers to). */
  proposed?: Record<string, { count: number; key: string }>;
  clusters?: { name: string; size: number }[];
  /** The proposals of the last run, as recordRun stored them. */
  proposals?: { key: string; status: string }[];
}

/** One kept comment as remembered: enough to count themes, PRs and reviewers later. */
export interface CommentRecord {
  theme: string;
  author: string;
  pull?: number;
  at: string;
}

export interface WeekComments {
  week: string;
  comments: Record<string, CommentRecord>;
}

/** Whether a rejected theme may be proposed again: it must have grown by `factor` since. */
export function mayProposeAgain(
  latest: LatestState,
  theme: string,
  count: number,
  factor = 2,
): boolean {
  const rejected = latest.rejected?.[theme];
  return rejected === undefined || count >= rejected.count * factor;
}

const weekPath = (week: string) => `${COMMENTS_PREFIX}${week}.json`;

/** Comments remembered from earlier runs, created at or after `since` (whole weeks are read). */
export async function readRememberedComments(
  state: StateStore,
  since: Date,
): Promise<Map<string, CommentRecord>> {
  const sinceWeek = isoWeek(since);
  const out = new Map<string, CommentRecord>();
  const files = (await state.list(COMMENTS_PREFIX)).filter(
    (file) => file.slice(COMMENTS_PREFIX.length, -'.json'.length) >= sinceWeek,
  );
  for (const file of files.sort()) {
    const data = await state.read<WeekComments>(file);
    for (const [id, record] of Object.entries(data?.comments ?? {}))
      if (record.at >= since.toISOString()) out.set(id, record);
  }
  return out;
}

function countThemes(comments: Record<string, CommentRecord>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const record of Object.values(comments))
    counts[record.theme] = (counts[record.theme] ?? 0) + 1;
  return counts;
}

/**
 * Inside recordRun's transaction: merges the run's kept comments into their weeks' comment files
 * and writes `themeCounts` (kept comments per theme, by comment date) into each touched week's
 * history file, and into the run week's (which recordRun has just rewritten). Reruns over the
 * same comments never double count: comments are keyed by id.
 */
export function recordCommentWeeks(
  tx: StateTransaction,
  items: { id: string | number; record: CommentRecord }[],
  run: { week: string; runAt: string },
): string[] {
  const byWeek = new Map<string, typeof items>();
  for (const item of items) {
    const week = isoWeek(new Date(item.record.at));
    byWeek.set(week, [...(byWeek.get(week) ?? []), item]);
  }
  const weeks = new Set([...byWeek.keys(), run.week]);
  for (const week of weeks) {
    const previous = tx.get<WeekComments>(weekPath(week));
    const comments = { ...(previous?.comments ?? {}) };
    for (const item of byWeek.get(week) ?? []) comments[String(item.id)] = item.record;
    if (byWeek.has(week)) tx.set(weekPath(week), { week, comments } satisfies WeekComments);
    const history = tx.get<Record<string, unknown>>(historyPath('review-miner', week));
    const themeCounts = countThemes(comments);
    const kept = Object.keys(comments).length;
    tx.set(historyPath('review-miner', week), {
      ...(history ?? {
        week,
        runAt: run.runAt,
        counts: {
          byKind: kept ? { 'review-comment': kept } : {},
          bySeverity: { error: 0, warning: 0, notice: kept },
          total: kept,
        },
      }),
      themeCounts,
    });
  }
  return [...weeks].sort();
}
