// Issues and pull requests as GraphQL `Issue` / `PullRequest` objects. Cheap scalar fields are
// plain values (connection filters read them); nested connections are functions evaluated only
// when the query selects them.
import type { IssueRecord, PullData } from '../../store';
import type { GraphQLObject } from './map-actors';
import { issueCommentObject, reviewObject, reviewThreadObjects } from './map-comments';
import { commitObject } from './map-commits';
import { changedFileObjects, findRef } from './map-refs';
import type { MapScope } from './map-scope';
import { labelObject, pullRequestCommitObject, timelineItemObjects } from './map-timeline';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Fields Issue and PullRequest share. */
function sharedFields(scope: MapScope, issue: IssueRecord) {
  const url = scope.issueUrl(issue.number);
  const body = issue.body ?? '';
  return {
    id: issue.node_id,
    databaseId: issue.id,
    fullDatabaseId: String(issue.id),
    number: issue.number,
    title: issue.title,
    titleHTML: escapeHtml(issue.title),
    body,
    bodyText: body,
    bodyHTML: body ? `<p>${escapeHtml(body)}</p>` : '',
    url,
    resourcePath: scope.resourcePath(url),
    author: scope.actor(issue.user),
    authorAssociation: scope.association(issue.user),
    editor: null,
    createdAt: issue.created_at,
    updatedAt: issue.updated_at,
    publishedAt: issue.created_at,
    lastEditedAt: null,
    closedAt: issue.closed_at,
    closed: issue.state === 'closed',
    locked: issue.locked,
    activeLockReason: null,
    includesCreatedEdit: false,
    createdViaEmail: false,
    isPinned: false,
    milestone: null,
    labels: issue.labels.map((name) => labelObject(scope, name)),
    assignees: issue.assignees.map((login) => scope.user(login)).filter(Boolean),
    participants: () => participants(scope, issue),
    comments: () => issue.comments.map((comment) => issueCommentObject(scope, issue, comment)),
    timelineItems: () => timelineItemObjects(scope, issue),
    reactions: [],
    reactionGroups: [],
    userContentEdits: [],
    repository: () => scope.repository(),
    viewerDidAuthor: issue.user.toLowerCase() === scope.viewerLogin.toLowerCase(),
    viewerCanUpdate: false,
    viewerCanReact: true,
    viewerCanSubscribe: false,
    viewerSubscription: null,
    viewerCannotUpdateReasons: [],
  };
}

function participants(scope: MapScope, issue: IssueRecord): GraphQLObject[] {
  const logins = new Set<string>([issue.user, ...issue.comments.map((c) => c.user)]);
  for (const review of issue.pull?.reviews ?? []) logins.add(review.user);
  for (const comment of issue.pull?.review_comments ?? []) logins.add(comment.user);
  return [...logins]
    .map((login) => scope.user(login))
    .filter((u): u is GraphQLObject => u !== null);
}

/** APPROVED / CHANGES_REQUESTED from each reviewer's latest decisive review, else null. */
function reviewDecision(pull: PullData): string | null {
  const latest = new Map<string, string>();
  for (const review of pull.reviews) {
    if (
      review.state === 'APPROVED' ||
      review.state === 'CHANGES_REQUESTED' ||
      review.state === 'DISMISSED'
    ) {
      latest.set(review.user.toLowerCase(), review.state);
    }
  }
  const states = [...latest.values()];
  if (states.includes('CHANGES_REQUESTED')) return 'CHANGES_REQUESTED';
  if (states.includes('APPROVED')) return 'APPROVED';
  return pull.requested_reviewers.length > 0 ? 'REVIEW_REQUIRED' : null;
}

export function pullRequestObject(
  scope: MapScope,
  issue: IssueRecord,
  pull: PullData,
): GraphQLObject {
  const merged = pull.merged_at !== null;
  return {
    __typename: 'PullRequest',
    ...sharedFields(scope, issue),
    permalink: scope.issueUrl(issue.number),
    state: merged ? 'MERGED' : issue.state === 'closed' ? 'CLOSED' : 'OPEN',
    isDraft: pull.draft,
    merged,
    mergedAt: pull.merged_at,
    mergedBy: scope.actor(pull.merged_by),
    mergeCommit: pull.merge_commit_sha
      ? () => commitObject(scope, pull.merge_commit_sha as string)
      : null,
    mergeable: merged || issue.state === 'closed' ? 'UNKNOWN' : 'MERGEABLE',
    mergeStateStatus: 'CLEAN',
    isCrossRepository: false,
    maintainerCanModify: false,
    additions: pull.additions,
    deletions: pull.deletions,
    changedFiles: pull.changed_files,
    headRefName: pull.head.ref,
    headRefOid: pull.head.sha,
    baseRefName: pull.base.ref,
    baseRefOid: pull.base.sha,
    headRef: () =>
      merged || issue.state === 'closed' ? null : findRef(scope, `refs/heads/${pull.head.ref}`),
    baseRef: () => findRef(scope, `refs/heads/${pull.base.ref}`),
    files: () => changedFileObjects(scope, issue),
    headRepository: () => scope.repository(),
    baseRepository: () => scope.repository(),
    headRepositoryOwner: () => scope.actor(scope.store.repository.owner),
    reviewDecision: reviewDecision(pull),
    totalCommentsCount: issue.comments.length + pull.review_comments.length,
    reviews: () => pull.reviews.map((review) => reviewObject(scope, issue, review)),
    latestReviews: () => {
      const latest = new Map<string, PullData['reviews'][number]>();
      for (const review of pull.reviews) latest.set(review.user.toLowerCase(), review);
      return [...latest.values()].map((review) => reviewObject(scope, issue, review));
    },
    reviewThreads: () => reviewThreadObjects(scope, issue),
    reviewRequests: () =>
      pull.requested_reviewers.map((login) => ({
        __typename: 'ReviewRequest',
        id: Buffer.from(`013:ReviewRequest${issue.id}:${login}`).toString('base64'),
        databaseId: null,
        asCodeOwner: false,
        requestedReviewer: scope.actor(login),
        pullRequest: () => scope.issueOrPullRequest(issue.number),
      })),
    commits: () => pull.commits.map((commit) => pullRequestCommitObject(scope, issue, commit)),
    closingIssuesReferences: [],
    autoMergeRequest: null,
    isReadByViewer: false,
  };
}

export function issueObject(scope: MapScope, issue: IssueRecord): GraphQLObject {
  return {
    __typename: 'Issue',
    ...sharedFields(scope, issue),
    state: issue.state === 'closed' ? 'CLOSED' : 'OPEN',
    stateReason: issue.state_reason ? issue.state_reason.toUpperCase() : null,
    issueType: null,
    parent: null,
    subIssues: [],
    trackedIssues: [],
    trackedInIssues: [],
    closedByPullRequestsReferences: [],
  };
}

/** The GraphQL object for an issue or pull request record. */
export function issueOrPullRequestObject(scope: MapScope, issue: IssueRecord): GraphQLObject {
  return issue.pull ? pullRequestObject(scope, issue, issue.pull) : issueObject(scope, issue);
}
