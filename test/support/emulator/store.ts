// The emulator's in-memory domain model: one repository with its git objects and refs, users,
// collaborators, labels, issues and pull requests (one number sequence), workflow runs and
// Dependabot alerts. Seed helpers take friendly inputs and fill in GitHub-like defaults.
// Ids come from counters, so the same seeding always yields the same ids.
import { createHash } from 'node:crypto';
import { GitRepository } from './git-repository';
import { buildDependabotAlert, buildWorkflowRun, isoDate, legacyNodeId } from './store-records';
import type {
  DependabotAlertRecord,
  IssueCommentRecord,
  IssueRecord,
  LabelRecord,
  Permission,
  PullData,
  RepositoryRecord,
  ReviewCommentRecord,
  ReviewRecord,
  UserRecord,
  UserType,
  WorkflowRunRecord,
} from './store-types';
import type {
  AlertSeed,
  CommentSeed,
  IssueSeed,
  PullRequestSeed,
  ReviewCommentSeed,
  ReviewSeed,
  WorkflowRunSeed,
} from './store-seeds';

export * from './store-types';
export type * from './store-seeds';

export interface StoreOptions {
  owner?: string;
  repo?: string;
  defaultBranch?: string;
  /** Source of "now" for records created without an explicit date (default: the wall clock). */
  now?: () => Date;
  /** The login the API token belongs to: author of what the API creates (default github-actions[bot]). */
  viewer?: string;
}

export { isoDate, legacyNodeId } from './store-records';

export class EmulatorStore {
  readonly repository: RepositoryRecord;
  /** The login the API token belongs to. */
  readonly viewer: string;
  readonly git = new GitRepository();
  readonly users = new Map<string, UserRecord>();
  readonly collaborators = new Map<string, Permission>();
  readonly labels = new Map<string, LabelRecord>();
  /** Issues and pull requests by number. */
  readonly issues = new Map<number, IssueRecord>();
  readonly workflowRuns: WorkflowRunRecord[] = [];
  readonly dependabotAlerts: DependabotAlertRecord[] = [];
  /**
   * Other public repositories, known only by their tags (`owner/name` lower-cased -> full ref
   * -> commit sha): what workflow `uses:` references point at.
   */
  readonly publicRepositoryRefs = new Map<string, Map<string, string>>();
  private readonly clock: () => Date;
  private nextId = 1001;

  constructor(options: StoreOptions = {}) {
    this.clock = options.now ?? (() => new Date());
    const owner = options.owner ?? 'acme';
    const name = options.repo ?? 'widgets';
    this.addUser(owner);
    const id = this.newId();
    const created = this.now();
    this.repository = {
      id,
      node_id: legacyNodeId('Repository', id),
      owner,
      name,
      full_name: `${owner}/${name}`,
      default_branch: options.defaultBranch ?? 'main',
      private: false,
      description: null,
      created_at: created,
      updated_at: created,
    };
    this.addCollaborator(owner, 'admin');
    this.viewer = this.addUser(options.viewer ?? 'github-actions[bot]').login;
    this.addCollaborator(this.viewer, 'write');
  }

  /** The current time as an ISO string without milliseconds. */
  now(): string {
    return isoDate(this.clock());
  }

  newId(): number {
    return this.nextId++;
  }

  // ---- users, collaborators, labels -------------------------------------------------------

  /** Adds a user (idempotent). Logins ending in `[bot]` default to type Bot. */
  addUser(login: string, type?: UserType): UserRecord {
    const existing = this.users.get(login.toLowerCase());
    if (existing) return existing;
    const id = this.newId();
    const userType = type ?? (login.endsWith('[bot]') ? 'Bot' : 'User');
    const user: UserRecord = {
      login,
      id,
      node_id: legacyNodeId(userType, id),
      type: userType,
      name: null,
      email: null,
    };
    this.users.set(login.toLowerCase(), user);
    return user;
  }

  user(login: string): UserRecord {
    return this.users.get(login.toLowerCase()) ?? this.addUser(login);
  }

  addCollaborator(login: string, permission: Permission = 'write'): UserRecord {
    const user = this.addUser(login);
    this.collaborators.set(user.login.toLowerCase(), permission);
    return user;
  }

  permissionOf(login: string): Permission | 'none' {
    return this.collaborators.get(login.toLowerCase()) ?? 'none';
  }

  addLabel(name: string, color = 'ededed', description: string | null = null): LabelRecord {
    const existing = this.label(name);
    if (existing) return existing;
    const id = this.newId();
    const label: LabelRecord = {
      id,
      node_id: legacyNodeId('Label', id),
      name,
      color,
      description,
      default: false,
    };
    this.labels.set(name.toLowerCase(), label);
    return label;
  }

  label(name: string): LabelRecord | undefined {
    return this.labels.get(name.toLowerCase());
  }

  // ---- git ------------------------------------------------------------------------------

  branchSha(branch: string): string | undefined {
    return this.git.refs.get(`refs/heads/${branch}`);
  }

  /**
   * Commits `files` (path -> content, or null to delete) on top of `branch` (created from the
   * default branch, or as a root commit, when missing) and moves the branch. Returns the commit id.
   */
  commitFiles(
    branch: string,
    files: Record<string, string | null>,
    message = 'Update files',
    options: { author?: string; date?: Date | string } = {},
  ): string {
    const parent = this.branchSha(branch) ?? this.branchSha(this.repository.default_branch);
    const baseTree = parent ? this.git.readCommit(parent)?.tree : undefined;
    const tree = this.git.buildTree(
      baseTree,
      Object.entries(files).map(([path, content]) =>
        content === null
          ? { path, mode: '100644' as const, sha: null }
          : { path, mode: '100644' as const, content },
      ),
    );
    const login = options.author ?? this.repository.owner;
    const signature = {
      name: login,
      email: `${login}@users.noreply.github.com`,
      date: isoDate(options.date ?? this.clock()),
    };
    const sha = this.git.writeCommit({
      tree,
      parents: parent ? [parent] : [],
      author: signature,
      committer: signature,
      message,
    });
    this.git.refs.set(`refs/heads/${branch}`, sha);
    return sha;
  }

  /** Creates `branch` at `sha` (default: the default branch's head). */
  createBranch(branch: string, sha?: string): string {
    const target =
      sha ??
      this.branchSha(this.repository.default_branch) ??
      this.commitFiles(this.repository.default_branch, {}, 'Initial commit');
    this.git.refs.set(`refs/heads/${branch}`, target);
    return target;
  }

  // ---- issues and pull requests -----------------------------------------------------------

  nextNumber(): number {
    let max = 0;
    for (const n of this.issues.keys()) max = Math.max(max, n);
    return max + 1;
  }

  addIssue(seed: IssueSeed = {}): IssueRecord {
    const number = seed.number ?? this.nextNumber();
    const id = this.newId();
    const created = isoDate(seed.createdAt ?? this.clock());
    const state = seed.state ?? (seed.closedAt ? 'closed' : 'open');
    const closedAt = state === 'closed' ? isoDate(seed.closedAt ?? created) : null;
    const author = this.user(seed.author ?? this.repository.owner).login;
    for (const name of seed.labels ?? []) this.addLabel(name);
    const issue: IssueRecord = {
      number,
      id,
      node_id: legacyNodeId(seed.pull ? 'PullRequest' : 'Issue', id),
      title: seed.title ?? `Issue ${number}`,
      body: seed.body ?? null,
      user: author,
      state,
      state_reason: state === 'closed' ? (seed.stateReason ?? 'completed') : null,
      labels: [...(seed.labels ?? [])],
      assignees: (seed.assignees ?? []).map((login) => this.user(login).login),
      locked: false,
      comments: [],
      created_at: created,
      updated_at: isoDate(seed.updatedAt ?? closedAt ?? created),
      closed_at: closedAt,
      closed_by: state === 'closed' ? author : null,
      pull: seed.pull ?? null,
    };
    this.issues.set(number, issue);
    for (const comment of seed.comments ?? []) this.addIssueComment(number, comment);
    return issue;
  }

  addIssueComment(number: number, seed: CommentSeed): IssueCommentRecord {
    const issue = this.requireIssue(number);
    const id = this.newId();
    const created = isoDate(seed.createdAt ?? this.clock());
    const comment: IssueCommentRecord = {
      id,
      node_id: legacyNodeId('IssueComment', id),
      user: this.user(seed.author ?? this.repository.owner).login,
      body: seed.body ?? '',
      created_at: created,
      updated_at: isoDate(seed.updatedAt ?? created),
    };
    issue.comments.push(comment);
    return comment;
  }

  /**
   * Seeds a pull request. Its head branch gets a real commit (created from the base branch when
   * missing) unless `headSha` is given; merged PRs default to state closed.
   */
  addPullRequest(seed: PullRequestSeed = {}): IssueRecord {
    const baseRef = seed.base ?? this.repository.default_branch;
    const number = seed.number ?? this.nextNumber();
    const headRef = seed.head ?? `feature-${number}`;
    const baseSha = this.branchSha(baseRef) ?? this.createBranch(baseRef);
    const headSha =
      seed.headSha ??
      this.branchSha(headRef) ??
      this.commitFiles(
        headRef,
        { [`changes/pr-${number}.txt`]: `${seed.title ?? headRef}\n` },
        seed.title ?? `Change ${number}`,
        {
          author: seed.author,
          date: seed.createdAt,
        },
      );
    if (!this.branchSha(headRef)) this.git.refs.set(`refs/heads/${headRef}`, headSha);
    const created = isoDate(seed.createdAt ?? this.clock());
    const mergedAt = seed.mergedAt ? isoDate(seed.mergedAt) : null;
    const pull: PullData = {
      draft: seed.draft ?? false,
      head: { ref: headRef, sha: headSha },
      base: { ref: baseRef, sha: baseSha },
      merged_at: mergedAt,
      merged_by: mergedAt ? this.user(seed.mergedBy ?? this.repository.owner).login : null,
      merge_commit_sha: mergedAt ? headSha : null,
      requested_reviewers: (seed.requestedReviewers ?? []).map((login) => this.user(login).login),
      reviews: [],
      review_comments: [],
      commits: [],
      timeline: [],
      additions: seed.additions ?? 1,
      deletions: seed.deletions ?? 0,
      changed_files: seed.changedFiles ?? 1,
    };
    const record = this.addIssue({
      ...seed,
      number,
      createdAt: created,
      state: seed.state ?? (mergedAt || seed.closedAt ? 'closed' : 'open'),
      closedAt: seed.closedAt ?? mergedAt ?? undefined,
      pull,
    });
    record.state_reason = null;
    const commits = seed.commits ?? [
      {
        sha: headSha,
        message: seed.title ?? `Change ${number}`,
        author: record.user,
        committedAt: created,
      },
    ];
    pull.commits = commits.map((c) => ({
      sha: c.sha ?? headSha,
      message: c.message ?? record.title,
      author: this.user(c.author ?? record.user).login,
      committed_at: isoDate(c.committedAt ?? created),
    }));
    for (const review of seed.reviews ?? []) this.addReview(number, review);
    for (const comment of seed.reviewComments ?? []) this.addReviewComment(number, comment);
    for (const event of seed.timeline ?? []) {
      pull.timeline.push({
        id: this.newId(),
        event: event.event,
        created_at: isoDate(event.createdAt ?? created),
        actor: this.user(event.actor ?? record.user).login,
        ...(event.subject ? { subject: event.subject } : {}),
        ...(event.label ? { label: event.label } : {}),
      });
    }
    return record;
  }

  addReview(number: number, seed: ReviewSeed): ReviewRecord {
    const pull = this.requirePull(number);
    const id = this.newId();
    const review: ReviewRecord = {
      id,
      node_id: legacyNodeId('PullRequestReview', id),
      user: this.user(seed.author ?? 'reviewer').login,
      state: seed.state ?? 'COMMENTED',
      body: seed.body ?? '',
      submitted_at: isoDate(seed.submittedAt ?? this.clock()),
      commit_id: seed.commitId ?? pull.head.sha,
    };
    pull.reviews.push(review);
    return review;
  }

  addReviewComment(number: number, seed: ReviewCommentSeed): ReviewCommentRecord {
    const pull = this.requirePull(number);
    const id = this.newId();
    const created = isoDate(seed.createdAt ?? this.clock());
    const comment: ReviewCommentRecord = {
      id,
      node_id: legacyNodeId('PullRequestReviewComment', id),
      user: this.user(seed.author ?? 'reviewer').login,
      body: seed.body ?? '',
      path: seed.path ?? 'README.md',
      line: seed.line === undefined ? 1 : seed.line,
      side: seed.side ?? 'RIGHT',
      diff_hunk: seed.diffHunk ?? '@@ -1 +1 @@\n-old\n+new',
      commit_id: seed.commitId ?? pull.head.sha,
      created_at: created,
      updated_at: isoDate(seed.updatedAt ?? created),
      in_reply_to_id: seed.inReplyToId ?? null,
      pull_request_review_id: seed.reviewId ?? null,
    };
    pull.review_comments.push(comment);
    return comment;
  }

  /**
   * Brings an open pull request up to date with its head branch, as GitHub does when the branch
   * moves: head sha and the commit list (from the git objects) follow the ref.
   */
  refreshPull(number: number, force = false): void {
    const record = this.issues.get(number);
    const pull = record?.pull;
    if (!record || !pull || record.state !== 'open') return;
    const headSha = this.branchSha(pull.head.ref);
    if (!headSha || (headSha === pull.head.sha && !force)) return;
    pull.head.sha = headSha;
    pull.base.sha = this.branchSha(pull.base.ref) ?? pull.base.sha;
    pull.commits = this.git.commitsBetween(pull.base.sha, headSha).map((sha) => {
      const commit = this.git.readCommit(sha);
      const login = /^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$/.exec(
        commit?.author.email ?? '',
      )?.[1];
      return {
        sha,
        message: commit?.message ?? '',
        author: this.user(login ?? this.viewer).login,
        committed_at: commit?.committer.date ?? this.now(),
      };
    });
  }

  issue(number: number): IssueRecord | undefined {
    return this.issues.get(number);
  }

  requireIssue(number: number): IssueRecord {
    const issue = this.issues.get(number);
    if (!issue) throw new Error(`emulator store: no issue or pull request #${number}`);
    return issue;
  }

  requirePull(number: number): PullData {
    const pull = this.requireIssue(number).pull;
    if (!pull) throw new Error(`emulator store: #${number} is an issue, not a pull request`);
    return pull;
  }

  pullRequests(): IssueRecord[] {
    return [...this.issues.values()].filter((issue) => issue.pull !== null);
  }

  // ---- actions and dependabot ------------------------------------------------------------

  addWorkflowRun(seed: WorkflowRunSeed = {}): WorkflowRunRecord {
    const run = buildWorkflowRun(seed, {
      id: this.newId(),
      runNumber: this.workflowRuns.length + 1,
      now: this.clock(),
      defaultBranch: this.repository.default_branch,
      actor: this.user(seed.actor ?? this.repository.owner).login,
      branchSha: (branch) => this.branchSha(branch),
    });
    this.workflowRuns.push(run);
    return run;
  }

  /**
   * Seeds another public repository's tags (name -> commit sha; a list gets stable made-up shas),
   * readable through `GET /repos/{owner}/{repo}/git/matching-refs/tags...`.
   */
  addPublicRepositoryTags(fullName: string, tags: string[] | Record<string, string>): void {
    const key = fullName.toLowerCase();
    const refs = this.publicRepositoryRefs.get(key) ?? new Map<string, string>();
    const entries = Array.isArray(tags)
      ? tags.map((tag) => [tag, createHash('sha1').update(`${key}@${tag}`).digest('hex')] as const)
      : Object.entries(tags);
    for (const [tag, sha] of entries) refs.set(`refs/tags/${tag}`, sha);
    this.publicRepositoryRefs.set(key, refs);
  }

  addDependabotAlert(seed: AlertSeed = {}): DependabotAlertRecord {
    const alert = buildDependabotAlert(seed, this.dependabotAlerts.length + 1, this.clock());
    this.dependabotAlerts.push(alert);
    return alert;
  }
}
