// Collects review feedback of PRs closed since a date: one paged GraphQL query over closed and
// merged PRs with reviews, review threads (with their comments) and conversation comments nested;
// follow-up queries only for nested connections that overflow their first page.
import type { ReviewComment } from './review-comment';

export type GraphqlCall = (query: string, variables: Record<string, unknown>) => Promise<unknown>;

interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}
interface Actor {
  login: string;
  __typename: string;
}
interface CommentNode {
  databaseId: number | null;
  body: string;
  url: string;
  createdAt: string;
  author: Actor | null;
  authorAssociation?: string;
}
interface ThreadCommentNode extends CommentNode {
  path: string | null;
  line: number | null;
  originalLine: number | null;
  diffHunk: string;
  replyTo: { databaseId: number | null } | null;
}
interface Connection<T> {
  pageInfo: PageInfo;
  nodes: T[];
}
interface ThreadNode {
  id: string;
  comments: Connection<ThreadCommentNode>;
}
interface PullNode {
  id: string;
  number: number;
  url: string;
  headRefName: string;
  merged: boolean;
  closedAt: string | null;
  updatedAt: string;
  author: Actor | null;
  reviews: Connection<CommentNode>;
  reviewThreads: Connection<ThreadNode>;
  comments: Connection<CommentNode>;
}

const COMMENT_FIELDS =
  'databaseId body url createdAt authorAssociation author { login __typename }';
const THREAD_COMMENT_FIELDS = `${COMMENT_FIELDS} path line originalLine diffHunk replyTo { databaseId }`;
const PAGE = 'pageInfo { hasNextPage endCursor }';

export const PULLS_QUERY = `query ReviewMinerPulls($owner: String!, $name: String!, $after: String) {
  repository(owner: $owner, name: $name) {
    pullRequests(states: [MERGED, CLOSED], orderBy: { field: UPDATED_AT, direction: DESC }, first: 50, after: $after) {
      ${PAGE}
      nodes {
        id number url headRefName merged closedAt updatedAt
        author { login __typename }
        reviews(first: 30) { ${PAGE} nodes { ${COMMENT_FIELDS} } }
        reviewThreads(first: 30) { ${PAGE} nodes { id comments(first: 20) { ${PAGE} nodes { ${THREAD_COMMENT_FIELDS} } } } }
        comments(first: 30) { ${PAGE} nodes { ${COMMENT_FIELDS} } }
      }
    }
  }
}`;

const PULL_CONNECTION_QUERY = (
  field: 'reviews' | 'comments' | 'reviewThreads',
): string => `query ReviewMinerMore($id: ID!, $after: String) {
  node(id: $id) {
    ... on PullRequest {
      ${field}(first: 100, after: $after) { ${PAGE} nodes { ${field === 'reviewThreads' ? `id comments(first: 20) { ${PAGE} nodes { ${THREAD_COMMENT_FIELDS} } }` : COMMENT_FIELDS} } }
    }
  }
}`;

export const THREAD_COMMENTS_QUERY = `query ReviewMinerThread($id: ID!, $after: String) {
  node(id: $id) {
    ... on PullRequestReviewThread {
      comments(first: 100, after: $after) { ${PAGE} nodes { ${THREAD_COMMENT_FIELDS} } }
    }
  }
}`;

export interface CollectedPull {
  number: number;
  url: string;
  author?: string;
  headRefName: string;
  merged: boolean;
  closedAt?: string;
}

export interface Collection {
  pulls: CollectedPull[];
  comments: ReviewComment[];
  calls: number;
  /** Nested connections whose further pages could not be read (their first page was kept). */
  incomplete: string[];
}

async function followPages<T>(
  call: GraphqlCall,
  query: string,
  id: string,
  first: Connection<T>,
  pick: (data: unknown) => Connection<T> | undefined,
  counter: { calls: number; incomplete: string[] },
  label: string,
): Promise<T[]> {
  const nodes = [...first.nodes];
  let page = first.pageInfo;
  while (page.hasNextPage && page.endCursor) {
    counter.calls += 1;
    const next = pick(await call(query, { id, after: page.endCursor }));
    if (!next) {
      counter.incomplete.push(`${label}: only the first ${nodes.length} could be read`);
      break;
    }
    nodes.push(...next.nodes);
    page = next.pageInfo;
  }
  return nodes;
}

function actorType(actor: Actor | null): string | undefined {
  if (!actor) return undefined;
  return actor.__typename === 'Bot'
    ? 'Bot'
    : actor.__typename === 'User'
      ? 'User'
      : actor.__typename;
}

function toComment(node: CommentNode, kind: ReviewComment['kind'], pull: PullNode): ReviewComment {
  return {
    id: node.databaseId ?? node.url,
    kind,
    body: node.body,
    author: node.author?.login ?? 'ghost',
    authorType: actorType(node.author),
    authorAssociation: node.authorAssociation,
    prNumber: pull.number,
    prAuthor: pull.author?.login,
    url: node.url,
    createdAt: node.createdAt,
  };
}

/** Collects PRs closed at or after `since`; stops paging once PRs were last updated before it. */
export async function collectReviewFeedback(
  call: GraphqlCall,
  repo: { owner: string; repo: string },
  since: Date,
  options: { maxPulls?: number } = {},
): Promise<Collection> {
  const counter = { calls: 0, incomplete: [] as string[] };
  const pulls: CollectedPull[] = [];
  const comments: ReviewComment[] = [];
  const maxPulls = options.maxPulls ?? 5000;
  let after: string | null = null;
  for (;;) {
    counter.calls += 1;
    const data = (await call(PULLS_QUERY, { owner: repo.owner, name: repo.repo, after })) as {
      repository: { pullRequests: Connection<PullNode> } | null;
    };
    const page = data.repository?.pullRequests;
    if (!page) break;
    let older = false;
    for (const pull of page.nodes) {
      if (new Date(pull.updatedAt) < since) {
        older = true;
        break;
      }
      if (!pull.closedAt || new Date(pull.closedAt) < since) continue;
      pulls.push({
        number: pull.number,
        url: pull.url,
        author: pull.author?.login,
        headRefName: pull.headRefName,
        merged: pull.merged,
        closedAt: pull.closedAt,
      });
      const more = (field: 'reviews' | 'comments') => (d: unknown) =>
        (d as { node?: Record<string, Connection<CommentNode>> }).node?.[field];
      const reviews = await followPages(
        call,
        PULL_CONNECTION_QUERY('reviews'),
        pull.id,
        pull.reviews,
        more('reviews'),
        counter,
        `reviews of #${pull.number}`,
      );
      const conversation = await followPages(
        call,
        PULL_CONNECTION_QUERY('comments'),
        pull.id,
        pull.comments,
        more('comments'),
        counter,
        `comments of #${pull.number}`,
      );
      const threads = await followPages(
        call,
        PULL_CONNECTION_QUERY('reviewThreads'),
        pull.id,
        pull.reviewThreads,
        (d) => (d as { node?: { reviewThreads?: Connection<ThreadNode> } }).node?.reviewThreads,
        counter,
        `review threads of #${pull.number}`,
      );
      for (const review of reviews)
        if (review.body.trim() !== '') comments.push(toComment(review, 'review', pull));
      for (const comment of conversation) comments.push(toComment(comment, 'conversation', pull));
      for (const thread of threads) {
        const nodes = await followPages(
          call,
          THREAD_COMMENTS_QUERY,
          thread.id,
          thread.comments,
          (d) => (d as { node?: { comments?: Connection<ThreadCommentNode> } }).node?.comments,
          counter,
          `a review thread of #${pull.number}`,
        );
        for (const node of nodes) {
          comments.push({
            ...toComment(node, 'inline', pull),
            path: node.path ?? undefined,
            line: node.line ?? node.originalLine ?? undefined,
            diffHunk: node.diffHunk,
            inReplyToId: node.replyTo?.databaseId ?? undefined,
          });
        }
      }
      if (pulls.length >= maxPulls) older = true;
    }
    if (older || !page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
    after = page.pageInfo.endCursor;
  }
  return { pulls, comments, calls: counter.calls, incomplete: counter.incomplete };
}
