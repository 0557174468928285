// A theme becomes a proposal when it recurs: N+ comments across M+ PRs, or from R+ reviewers.
import type { ReviewComment } from './review-comment';

export interface RecurrenceRule {
  minComments: number;
  minPulls: number;
  minReviewers: number;
}

export const DEFAULT_RECURRENCE: RecurrenceRule = { minComments: 3, minPulls: 2, minReviewers: 2 };

export interface ThemeEvidence {
  theme: string;
  /** Comments of this run (quoted as examples). */
  comments: ReviewComment[];
  /** Comments counted: this run's plus those remembered from earlier runs in the look-back window. */
  count: number;
  pulls: number[];
  reviewers: string[];
  firstSeen?: string;
  lastSeen?: string;
}

/** A comment remembered from an earlier run (see review-miner-state.ts). */
export interface RememberedComment {
  id: string;
  author: string;
  pull?: number;
  at?: string;
}

export function themeEvidence(
  theme: string,
  comments: ReviewComment[],
  remembered: RememberedComment[] = [],
): ThemeEvidence {
  const current = new Set(comments.map((c) => String(c.id)));
  const earlier = remembered.filter((r) => !current.has(r.id));
  const pulls = [
    ...new Set(
      [...comments.map((c) => c.prNumber), ...earlier.map((r) => r.pull)].filter(
        (n): n is number => n !== undefined,
      ),
    ),
  ].sort((a, b) => a - b);
  const reviewers = [
    ...new Set([...comments.map((c) => c.author), ...earlier.map((r) => r.author)]),
  ].sort();
  const dates = [...comments.map((c) => c.createdAt), ...earlier.map((r) => r.at)]
    .filter((d): d is string => !!d)
    .sort();
  return {
    theme,
    comments,
    count: comments.length + earlier.length,
    pulls,
    reviewers,
    firstSeen: dates[0],
    lastSeen: dates[dates.length - 1],
  };
}

/** Recurs: at least `minComments` comments, and across `minPulls` PRs or from `minReviewers` reviewers. */
export function recurs(evidence: ThemeEvidence, rule: RecurrenceRule): boolean {
  if (evidence.count < rule.minComments) return false;
  return evidence.pulls.length >= rule.minPulls || evidence.reviewers.length >= rule.minReviewers;
}
