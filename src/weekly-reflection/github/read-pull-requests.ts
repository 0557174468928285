// Reads the pull requests touched since a date through GraphQL, 100 per page (GitHub's maximum
// for a connection) with their reviews, latest commits, timeline events and comments, newest
// update first; stops at the first page that reaches before the date. One request per 100 pull
// requests: a page asks for about 25,000 nodes, far below GitHub's 500,000 per query. When
// GitHub gives up on a page (502/504, "timeout"), the page is asked again at half the size.
import type { GitHubClient } from '../../core/github-client';
import type { RepoRef } from '../../core/context';
import type {
  Actor,
  CommentRecord,
  PullRequestRecord,
  ReviewRecord,
} from '../metrics/pull-request-record';

export const PULL_REQUEST_PAGE = 100;
export const MIN_PULL_REQUEST_PAGE = 25;

const QUERY = `query($owner: String!, $name: String!, $first: Int!, $cursor: String) {
  repository(owner: $owner, name: $name) {
    pullRequests(first: $first, after: $cursor, orderBy: {field: UPDATED_AT, direction: DESC}) {
      pageInfo { hasNextPage endCursor }
      nodes {
        number title url headRefName createdAt updatedAt closedAt mergedAt isDraft
        author { __typename login }
        labels(first: 20) { nodes { name } }
        reviews(first: 50) { nodes { author { __typename login } state submittedAt body comments(first: 1) { totalCount } } }
        commits(last: 50) { nodes { commit { committedDate } } }
        timelineItems(first: 50, itemTypes: [READY_FOR_REVIEW_EVENT, REVIEW_REQUESTED_EVENT, CONVERT_TO_DRAFT_EVENT, HEAD_REF_FORCE_PUSHED_EVENT]) {
          nodes {
            __typename
            ... on ReadyForReviewEvent { createdAt }
            ... on ReviewRequestedEvent { createdAt }
            ... on ConvertToDraftEvent { createdAt }
            ... on HeadRefForcePushedEvent { createdAt }
          }
        }
        comments(last: 30) { nodes { author { __typename login } body createdAt url } }
      }
    }
  }
}`;

interface RawActor {
  __typename?: string;
  login?: string;
}

interface RawPull {
  number: number;
  title: string;
  url: string;
  headRefName?: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  mergedAt: string | null;
  isDraft: boolean;
  author: RawActor | null;
  labels: { nodes: { name: string }[] };
  reviews: {
    nodes: {
      author: RawActor | null;
      state: ReviewRecord['state'];
      submittedAt: string | null;
      body: string;
      comments: { totalCount: number };
    }[];
  };
  commits: { nodes: { commit: { committedDate: string } }[] };
  timelineItems: { nodes: { __typename: string; createdAt?: string }[] };
  comments: { nodes: { author: RawActor | null; body: string; createdAt: string; url: string }[] };
}

interface Response {
  repository: {
    pullRequests: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: (RawPull | null)[];
    };
  } | null;
}

export function actorOf(raw: RawActor | null | undefined): Actor {
  return { login: raw?.login ?? '', type: raw?.__typename ?? 'User' };
}

function events(pull: RawPull, typename: string): string[] {
  return pull.timelineItems.nodes
    .filter((n) => n.__typename === typename && n.createdAt)
    .map((n) => n.createdAt as string);
}

export function toRecord(pull: RawPull): PullRequestRecord {
  const comments: CommentRecord[] = pull.comments.nodes.map((c) => ({
    author: actorOf(c.author),
    body: c.body,
    createdAt: c.createdAt,
    url: c.url,
  }));
  return {
    number: pull.number,
    title: pull.title,
    url: pull.url,
    author: actorOf(pull.author),
    ...(pull.headRefName ? { headRefName: pull.headRefName } : {}),
    createdAt: pull.createdAt,
    ...(pull.closedAt ? { closedAt: pull.closedAt } : {}),
    ...(pull.mergedAt ? { mergedAt: pull.mergedAt } : {}),
    isDraft: pull.isDraft,
    labels: pull.labels.nodes.map((l) => l.name),
    reviews: pull.reviews.nodes
      .filter((r) => r.submittedAt)
      .map((r) => ({
        author: actorOf(r.author),
        state: r.state,
        submittedAt: r.submittedAt as string,
        body: r.body ?? '',
        comments: r.comments.totalCount,
      })),
    commitDates: pull.commits.nodes.map((c) => c.commit.committedDate),
    forcePushDates: events(pull, 'HeadRefForcePushedEvent'),
    readyForReviewDates: events(pull, 'ReadyForReviewEvent'),
    reviewRequestDates: events(pull, 'ReviewRequestedEvent'),
    convertToDraftDates: events(pull, 'ConvertToDraftEvent'),
    comments,
  };
}

/** GitHub's answer when a query took too long: a 502/504, or a GraphQL timeout message. */
export function queryTimedOut(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  if (status === 502 || status === 504) return true;
  const message = error instanceof Error ? error.message : String(error);
  return /timed? ?out|couldn't respond to your request in time/i.test(message);
}

export interface PullRequestRead {
  pulls: PullRequestRecord[];
  pages: number;
  /** True when `max` stopped the reading before `since` was reached. */
  truncated: boolean;
}

export async function readPullRequests(
  client: GitHubClient,
  repo: RepoRef,
  since: string,
  max: number,
): Promise<PullRequestRead> {
  const pulls: PullRequestRecord[] = [];
  let cursor: string | null = null;
  let pages = 0;
  const sinceTime = new Date(since).getTime();
  let first = PULL_REQUEST_PAGE;
  for (;;) {
    let data: Response;
    try {
      data = await client.graphql<Response>(QUERY, {
        owner: repo.owner,
        name: repo.repo,
        first,
        cursor,
      });
    } catch (error) {
      if (first > MIN_PULL_REQUEST_PAGE && queryTimedOut(error)) {
        first = Math.max(MIN_PULL_REQUEST_PAGE, Math.floor(first / 2));
        continue;
      }
      throw error;
    }
    pages += 1;
    const connection = data.repository?.pullRequests;
    if (!connection) break;
    let reachedBefore = false;
    for (const node of connection.nodes) {
      if (!node) continue;
      if (new Date(node.updatedAt).getTime() < sinceTime) {
        reachedBefore = true;
        continue;
      }
      pulls.push(toRecord(node));
    }
    if (reachedBefore || !connection.pageInfo.hasNextPage)
      return { pulls, pages, truncated: false };
    if (pulls.length >= max) return { pulls, pages, truncated: true };
    cursor = connection.pageInfo.endCursor;
  }
  return { pulls, pages, truncated: false };
}
