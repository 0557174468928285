// Conversation comments, reviews, review comments and review threads of an issue or pull
// request. databaseId is the REST id of the same record; urls are GitHub's anchors
// (#issuecomment-N, #pullrequestreview-N, #discussion_rN).
import type {
  IssueCommentRecord,
  IssueRecord,
  ReviewCommentRecord,
  ReviewRecord,
} from '../../store';
import type { GraphQLObject } from './map-actors';
import { commitObject } from './map-commits';
import type { MapScope } from './map-scope';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Fields every GitHub comment (Comment interface and friends) shares. */
function commentFields(
  scope: MapScope,
  login: string,
  body: string,
  createdAt: string,
  updatedAt: string,
  url: string,
) {
  return {
    author: scope.actor(login),
    authorAssociation: scope.association(login),
    editor: null,
    body,
    bodyText: body,
    bodyHTML: body ? `<p>${escapeHtml(body)}</p>` : '',
    createdAt,
    updatedAt,
    publishedAt: createdAt,
    lastEditedAt: updatedAt === createdAt ? null : updatedAt,
    includesCreatedEdit: false,
    createdViaEmail: false,
    isMinimized: false,
    minimizedReason: null,
    url,
    resourcePath: scope.resourcePath(url),
    viewerDidAuthor: login.toLowerCase() === scope.viewerLogin.toLowerCase(),
    viewerCanDelete: false,
    viewerCanUpdate: false,
    viewerCanReact: true,
    viewerCanMinimize: false,
    viewerCannotUpdateReasons: [],
    reactions: [],
    reactionGroups: [],
    userContentEdits: [],
    repository: () => scope.repository(),
  };
}

export function issueCommentObject(
  scope: MapScope,
  issue: IssueRecord,
  comment: IssueCommentRecord,
): GraphQLObject {
  return scope.memo(`issue-comment:${comment.id}`, () => {
    const url = `${scope.issueUrl(issue.number)}#issuecomment-${comment.id}`;
    return {
      __typename: 'IssueComment',
      id: comment.node_id,
      databaseId: comment.id,
      fullDatabaseId: String(comment.id),
      ...commentFields(
        scope,
        comment.user,
        comment.body,
        comment.created_at,
        comment.updated_at,
        url,
      ),
      issue: () => scope.issueOrPullRequest(issue.number),
      pullRequest: () => (issue.pull ? scope.issueOrPullRequest(issue.number) : null),
    };
  });
}

function reviewCommentUrl(
  scope: MapScope,
  issue: IssueRecord,
  comment: ReviewCommentRecord,
): string {
  return `${scope.issueUrl(issue.number)}#discussion_r${comment.id}`;
}

export function reviewObject(
  scope: MapScope,
  issue: IssueRecord,
  review: ReviewRecord,
): GraphQLObject {
  return scope.memo(`review:${review.id}`, () => {
    const url = `${scope.issueUrl(issue.number)}#pullrequestreview-${review.id}`;
    const submitted = review.state === 'PENDING' ? null : review.submitted_at;
    return {
      __typename: 'PullRequestReview',
      id: review.node_id,
      databaseId: review.id,
      fullDatabaseId: String(review.id),
      ...commentFields(
        scope,
        review.user,
        review.body,
        review.submitted_at,
        review.submitted_at,
        url,
      ),
      state: review.state,
      submittedAt: submitted,
      publishedAt: submitted,
      authorCanPushToRepository: scope.store.permissionOf(review.user) !== 'none',
      commit: () => commitObject(scope, review.commit_id),
      pullRequest: () => scope.issueOrPullRequest(issue.number),
      comments: () =>
        (issue.pull?.review_comments ?? [])
          .filter((c) => c.pull_request_review_id === review.id)
          .map((c) => reviewCommentObject(scope, issue, c)),
      onBehalfOf: [],
    };
  });
}

export function reviewCommentObject(
  scope: MapScope,
  issue: IssueRecord,
  comment: ReviewCommentRecord,
): GraphQLObject {
  return scope.memo(`review-comment:${comment.id}`, () => {
    const pull = issue.pull;
    const byId = (id: number | null) => pull?.review_comments.find((c) => c.id === id);
    const review = pull?.reviews.find((r) => r.id === comment.pull_request_review_id);
    return {
      __typename: 'PullRequestReviewComment',
      id: comment.node_id,
      databaseId: comment.id,
      fullDatabaseId: String(comment.id),
      ...commentFields(
        scope,
        comment.user,
        comment.body,
        comment.created_at,
        comment.updated_at,
        reviewCommentUrl(scope, issue, comment),
      ),
      path: comment.path,
      line: comment.line,
      originalLine: comment.line,
      startLine: null,
      originalStartLine: null,
      position: comment.line,
      originalPosition: comment.line ?? 1,
      diffHunk: comment.diff_hunk,
      outdated: comment.line === null,
      state: 'SUBMITTED',
      subjectType: 'LINE',
      draftedAt: comment.created_at,
      commit: () => commitObject(scope, comment.commit_id),
      originalCommit: () => commitObject(scope, comment.commit_id),
      replyTo: () => {
        const parent = byId(comment.in_reply_to_id);
        return parent ? reviewCommentObject(scope, issue, parent) : null;
      },
      pullRequestReview: () => (review ? reviewObject(scope, issue, review) : null),
      pullRequest: () => scope.issueOrPullRequest(issue.number),
    };
  });
}

/** Review comments grouped into threads: a root comment and its replies (followed transitively). */
export function reviewThreadObjects(scope: MapScope, issue: IssueRecord): GraphQLObject[] {
  const comments = issue.pull?.review_comments ?? [];
  const byId = new Map(comments.map((c) => [c.id, c]));
  const rootOf = (c: ReviewCommentRecord): ReviewCommentRecord => {
    let current = c;
    const seen = new Set<number>();
    while (
      current.in_reply_to_id !== null &&
      byId.has(current.in_reply_to_id) &&
      !seen.has(current.id)
    ) {
      seen.add(current.id);
      current = byId.get(current.in_reply_to_id) as ReviewCommentRecord;
    }
    return current;
  };
  const threads = new Map<number, ReviewCommentRecord[]>();
  for (const comment of comments) {
    const root = rootOf(comment);
    threads.set(root.id, [...(threads.get(root.id) ?? []), comment]);
  }
  return [...threads.entries()].map(([rootId, members]) => {
    const root = byId.get(rootId) as ReviewCommentRecord;
    return {
      __typename: 'PullRequestReviewThread',
      id: Buffer.from(`020:PullRequestReviewThread${rootId}`).toString('base64'),
      path: root.path,
      line: root.line,
      originalLine: root.line,
      startLine: null,
      originalStartLine: null,
      diffSide: root.side,
      startDiffSide: null,
      isOutdated: root.line === null,
      isResolved: false,
      isCollapsed: false,
      resolvedBy: null,
      subjectType: 'LINE',
      viewerCanReply: true,
      viewerCanResolve: false,
      viewerCanUnresolve: false,
      comments: () => members.map((c) => reviewCommentObject(scope, issue, c)),
      pullRequest: () => scope.issueOrPullRequest(issue.number),
      repository: () => scope.repository(),
    };
  });
}
