import type { PublishOutcome } from '../types';

export interface IssueSpec {
  /** Fingerprint key within the action: the marker is `<!-- tend:<action>:<key> -->`. */
  key: string;
  title: string;
  /** Markdown; the publisher adds the marker and trims to GitHub's limit. */
  body: string;
  /** Extra labels; `tend` and `tend:<action>` are always added. */
  labels?: string[];
}

export interface PullRequestSpec extends IssueSpec {
  /** Files to write on `tend/<action>/<key>`, on top of the base branch; null deletes. */
  changes: { path: string; content: string | null }[];
  commitMessage: string;
  /** Base branch; defaults to the repository's default branch. */
  base?: string;
}

/**
 * Create-or-update of tend's issues and PRs, found by hidden fingerprint marker.
 * A closed-as-not-planned issue or a closed-unmerged PR with the same fingerprint is
 * "rejected": never reopened, reported with status `rejected`.
 */
export interface Publisher {
  upsertIssue(spec: IssueSpec): Promise<PublishOutcome>;
  /** Closes the open issue with this key (comment first); `absent` when there is none. */
  closeIssue(key: string, comment: string): Promise<PublishOutcome>;
  upsertPullRequest(spec: PullRequestSpec): Promise<PublishOutcome>;
  closePullRequest(key: string, comment: string): Promise<PublishOutcome>;
}
