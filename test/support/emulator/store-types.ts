// The records of the emulator's domain model, shared by the REST routes and the GraphQL resolvers.
// Dates are ISO 8601 strings (`2024-05-01T10:00:00Z`); users are referred to by login.

export type UserType = 'User' | 'Bot';
export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read';

export interface UserRecord {
  login: string;
  id: number;
  node_id: string;
  type: UserType;
  name: string | null;
  email: string | null;
}

export interface RepositoryRecord {
  id: number;
  node_id: string;
  owner: string;
  name: string;
  full_name: string;
  default_branch: string;
  private: boolean;
  description: string | null;
  created_at: string;
  updated_at: string;
}

export interface LabelRecord {
  id: number;
  node_id: string;
  name: string;
  color: string;
  description: string | null;
  default: boolean;
}

export interface IssueCommentRecord {
  id: number;
  node_id: string;
  user: string;
  body: string;
  created_at: string;
  updated_at: string;
}

export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';

export interface ReviewRecord {
  id: number;
  node_id: string;
  user: string;
  state: ReviewState;
  body: string;
  submitted_at: string;
  commit_id: string;
}

export interface ReviewCommentRecord {
  id: number;
  node_id: string;
  user: string;
  body: string;
  path: string;
  line: number | null;
  side: 'LEFT' | 'RIGHT';
  diff_hunk: string;
  commit_id: string;
  created_at: string;
  updated_at: string;
  in_reply_to_id: number | null;
  pull_request_review_id: number | null;
}

export interface PullCommitRecord {
  sha: string;
  message: string;
  /** Author login (may be a bot). */
  author: string;
  committed_at: string;
}

export type TimelineEventName =
  | 'ready_for_review'
  | 'review_requested'
  | 'review_request_removed'
  | 'convert_to_draft'
  | 'labeled'
  | 'unlabeled'
  | 'closed'
  | 'reopened'
  | 'merged'
  | 'head_ref_force_pushed'
  | 'assigned';

export interface TimelineEventRecord {
  id: number;
  event: TimelineEventName;
  created_at: string;
  actor: string;
  /** For review_requested / review_request_removed / assigned. */
  subject?: string;
  /** For labeled / unlabeled. */
  label?: string;
}

export interface PullData {
  draft: boolean;
  head: { ref: string; sha: string };
  base: { ref: string; sha: string };
  merged_at: string | null;
  merged_by: string | null;
  merge_commit_sha: string | null;
  requested_reviewers: string[];
  reviews: ReviewRecord[];
  review_comments: ReviewCommentRecord[];
  commits: PullCommitRecord[];
  timeline: TimelineEventRecord[];
  additions: number;
  deletions: number;
  changed_files: number;
}

export type IssueState = 'open' | 'closed';
export type StateReason = 'completed' | 'not_planned' | 'reopened' | 'duplicate' | null;

/** An issue, or a pull request when `pull` is set: both share one number sequence, as on GitHub. */
export interface IssueRecord {
  number: number;
  id: number;
  node_id: string;
  title: string;
  body: string | null;
  user: string;
  state: IssueState;
  state_reason: StateReason;
  labels: string[];
  assignees: string[];
  locked: boolean;
  comments: IssueCommentRecord[];
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  closed_by: string | null;
  pull: PullData | null;
}

export interface WorkflowRunRecord {
  id: number;
  node_id: string;
  name: string;
  workflow_id: number;
  path: string;
  head_branch: string;
  head_sha: string;
  event: string;
  status: 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
  conclusion:
    | 'success'
    | 'failure'
    | 'cancelled'
    | 'skipped'
    | 'timed_out'
    | 'action_required'
    | 'neutral'
    | null;
  run_number: number;
  run_attempt: number;
  actor: string;
  created_at: string;
  updated_at: string;
  run_started_at: string;
  /** Numbers of the pull requests the run belongs to. */
  pull_requests: number[];
}

export type DependabotSeverity = 'low' | 'medium' | 'high' | 'critical';

export interface DependabotAlertRecord {
  number: number;
  state: 'open' | 'dismissed' | 'fixed' | 'auto_dismissed';
  ecosystem: string;
  package: string;
  manifest_path: string;
  scope: 'development' | 'runtime' | null;
  severity: DependabotSeverity;
  ghsa_id: string;
  cve_id: string | null;
  summary: string;
  description: string;
  vulnerable_version_range: string;
  first_patched_version: string | null;
  created_at: string;
  updated_at: string;
  dismissed_at: string | null;
  dismissed_reason: string | null;
  fixed_at: string | null;
}
