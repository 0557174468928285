// Review themes per ISO week, from what review-miner leaves on the state branch. review-miner
// buckets kept review comments by their creation date: `review-miner/history/<week>.json`
// carries `themeCounts`, and `review-miner/comments/<week>.json` the comments themselves
// (id -> theme). A later review-miner run can add comments to an earlier week, so the counts
// are read afresh for every week of the trend, not only the reported one.
import { historyPath } from '../../core/state-files';
import type { StateTransaction } from '../../core/state/state-store';

export const REVIEW_MINER_COMMENTS = 'review-miner/comments/';
const HISTORY_PREFIX = 'review-miner/history/';

function numbersOf(value: unknown): Record<string, number> | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).filter(
      (entry): entry is [string, number] => typeof entry[1] === 'number',
    ),
  );
}

/** Theme counts a review-miner snapshot carries (`themeCounts`), or counted from its findings. */
export function themeCounts(snapshot: Record<string, unknown> | undefined): Record<string, number> {
  if (!snapshot) return {};
  const explicit =
    numbersOf(snapshot.themeCounts) ??
    numbersOf((snapshot.extra as Record<string, unknown> | undefined)?.themeCounts);
  if (explicit) return explicit;
  const counts: Record<string, number> = {};
  for (const f of (snapshot.findings as { theme?: unknown }[] | undefined) ?? []) {
    if (typeof f.theme === 'string') counts[f.theme] = (counts[f.theme] ?? 0) + 1;
  }
  return counts;
}

/** Theme counts of one week's remembered comments (`comments: { id: { theme } }`). */
function countComments(file: Record<string, unknown> | undefined): Record<string, number> {
  const counts: Record<string, number> = {};
  const comments = file?.comments;
  if (!comments || typeof comments !== 'object') return counts;
  for (const record of Object.values(comments as Record<string, { theme?: unknown }>)) {
    if (typeof record?.theme === 'string') counts[record.theme] = (counts[record.theme] ?? 0) + 1;
  }
  return counts;
}

export interface ReviewThemeReader {
  /** The week's theme counts, or undefined when review-miner left nothing for that week. */
  week(week: string): Record<string, number> | undefined;
}

export function reviewThemeReader(
  state: Pick<StateTransaction, 'get' | 'list'>,
): ReviewThemeReader {
  const histories = new Set(state.list(HISTORY_PREFIX));
  const comments = new Set(state.list(REVIEW_MINER_COMMENTS));
  return {
    week(week) {
      const history = historyPath('review-miner', week);
      const snapshot = histories.has(history)
        ? state.get<Record<string, unknown>>(history)
        : undefined;
      const explicit = numbersOf(snapshot?.themeCounts);
      if (explicit) return explicit;
      const commentFile = `${REVIEW_MINER_COMMENTS}${week}.json`;
      if (comments.has(commentFile))
        return countComments(state.get<Record<string, unknown>>(commentFile));
      return snapshot ? themeCounts(snapshot) : undefined;
    },
  };
}

/**
 * The `review-theme:<theme>` metrics of a week: every theme review-miner counted, and 0 for
 * the `known` themes it did not see (the week was observed; nobody commented on them).
 */
export function reviewThemeMetrics(
  counts: Record<string, number> | undefined,
  known: Iterable<string>,
): Record<string, number> {
  if (!counts) return {};
  const out: Record<string, number> = {};
  for (const theme of known) out[theme] = 0;
  return { ...out, ...counts };
}
