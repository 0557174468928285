// Inputs of the store's seed helpers: every field optional, dates as Date or ISO string.
import type {
  DependabotAlertRecord,
  IssueState,
  PullData,
  ReviewState,
  StateReason,
  TimelineEventName,
  WorkflowRunRecord,
} from './store-types';

export type DateInput = Date | string;

export interface CommentSeed {
  author?: string;
  body?: string;
  createdAt?: DateInput;
  updatedAt?: DateInput;
}

export interface IssueSeed {
  number?: number;
  author?: string;
  title?: string;
  body?: string | null;
  state?: IssueState;
  stateReason?: StateReason;
  labels?: string[];
  assignees?: string[];
  createdAt?: DateInput;
  updatedAt?: DateInput;
  closedAt?: DateInput;
  comments?: CommentSeed[];
  /** Internal: set by addPullRequest. */
  pull?: PullData;
}

export interface ReviewSeed {
  author?: string;
  state?: ReviewState;
  body?: string;
  submittedAt?: DateInput;
  commitId?: string;
}

export interface ReviewCommentSeed {
  author?: string;
  body?: string;
  path?: string;
  line?: number | null;
  side?: 'LEFT' | 'RIGHT';
  diffHunk?: string;
  commitId?: string;
  createdAt?: DateInput;
  updatedAt?: DateInput;
  inReplyToId?: number;
  reviewId?: number;
}

export interface PullCommitSeed {
  sha?: string;
  message?: string;
  author?: string;
  committedAt?: DateInput;
}

export interface TimelineEventSeed {
  event: TimelineEventName;
  createdAt?: DateInput;
  actor?: string;
  subject?: string;
  label?: string;
}

export interface PullRequestSeed extends Omit<IssueSeed, 'pull' | 'stateReason'> {
  draft?: boolean;
  /** Head branch name (default `feature-<number>`); created with one commit when missing. */
  head?: string;
  headSha?: string;
  /** Base branch (default: the repository's default branch). */
  base?: string;
  mergedAt?: DateInput;
  mergedBy?: string;
  requestedReviewers?: string[];
  reviews?: ReviewSeed[];
  reviewComments?: ReviewCommentSeed[];
  commits?: PullCommitSeed[];
  timeline?: TimelineEventSeed[];
  additions?: number;
  deletions?: number;
  changedFiles?: number;
}

export interface WorkflowRunSeed {
  name?: string;
  workflowId?: number;
  path?: string;
  headBranch?: string;
  headSha?: string;
  event?: string;
  status?: WorkflowRunRecord['status'];
  conclusion?: WorkflowRunRecord['conclusion'];
  runAttempt?: number;
  actor?: string;
  createdAt?: DateInput;
  updatedAt?: DateInput;
  pullRequests?: number[];
}

export interface AlertSeed {
  state?: DependabotAlertRecord['state'];
  ecosystem?: string;
  package?: string;
  manifestPath?: string;
  scope?: DependabotAlertRecord['scope'];
  severity?: DependabotAlertRecord['severity'];
  ghsaId?: string;
  cveId?: string | null;
  summary?: string;
  description?: string;
  vulnerableVersionRange?: string;
  firstPatchedVersion?: string | null;
  createdAt?: DateInput;
  updatedAt?: DateInput;
  dismissedReason?: string;
}
