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
  comments: ReviewComment[];
  pulls: number[];
  reviewers: string[];
  firstSeen?: string;
  lastSeen?: string;
}

export function themeEvidence(theme: string, comments: ReviewComment[]): ThemeEvidence {
  const pulls = [...new Set(comments.map((c) => c.prNumber).filter((n): n is number => n !== undefined))].sort((a, b) => a - b);
  const reviewers = [...new Set(comments.map((c) => c.author))].sort();
  const dates = comments.map((c) => c.createdAt).filter((d): d is string => !!d).sort();
  return { theme, comments, pulls, reviewers, firstSeen: dates[0], lastSeen: dates[dates.length - 1] };
}

/** Recurs: at least `minComments` comments, and across `minPulls` PRs or from `minReviewers` reviewers. */
export function recurs(evidence: ThemeEvidence, rule: RecurrenceRule): boolean {
  if (evidence.comments.length < rule.minComments) return false;
  return evidence.pulls.length >= rule.minPulls || evidence.reviewers.length >= rule.minReviewers;
}
