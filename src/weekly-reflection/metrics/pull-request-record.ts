// Plain data the metrics are computed from; the GraphQL reader fills it, tests build it by hand.

export type AuthorClass = 'agent' | 'human' | 'dependency-bot';

export interface Actor {
  login: string;
  /** GraphQL `__typename` of the author: `User`, `Bot`, `Mannequin`... */
  type: string;
}

export interface ReviewRecord {
  author: Actor;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';
  submittedAt: string;
  body: string;
  /** Inline comments attached to this review. */
  comments: number;
}

export interface CommentRecord {
  author: Actor;
  body: string;
  createdAt: string;
  url?: string;
}

export interface PullRequestRecord {
  number: number;
  title: string;
  url: string;
  author: Actor;
  /** Head branch; tend's own PRs are on `tend/<action>/<key>`. */
  headRefName?: string;
  createdAt: string;
  closedAt?: string;
  mergedAt?: string;
  isDraft: boolean;
  labels: string[];
  reviews: ReviewRecord[];
  /** Commit dates (committedDate) of the PR's commits, the latest ones at least. */
  commitDates: string[];
  /** Force pushes of the head branch. */
  forcePushDates: string[];
  /** Ready-for-review events (the PR was a draft before). */
  readyForReviewDates: string[];
  reviewRequestDates: string[];
  convertToDraftDates: string[];
  comments: CommentRecord[];
}

export interface IssueRecord {
  number: number;
  title: string;
  url: string;
  author: Actor;
  createdAt: string;
  closedAt?: string;
  labels: string[];
  comments: CommentRecord[];
}

export interface WorkflowRunRecord {
  id: number;
  event: string;
  headBranch: string;
  status: string;
  conclusion: string | null;
  runAttempt: number;
  createdAt: string;
}
