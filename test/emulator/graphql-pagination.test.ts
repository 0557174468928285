// Connections paginate as GitHub's do: first/after and last/before with opaque cursors,
// pageInfo and totalCount, filters and ordering, nested connections, and a request log that
// counts every GraphQL call.
import { createGitHubClient, type GitHubClient } from '../../src/core/github-client';
import { startEmulator, type Emulator } from '../support/emulator';

const PR_COUNT = 120;
const REVIEWED_PR = 7;
const REVIEWS_ON_PR = 7;

let emulator: Emulator;
let client: GitHubClient;

interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

interface PullRequestPage {
  repository: {
    pullRequests: {
      totalCount: number;
      pageInfo: PageInfo;
      edges: Array<{ cursor: string; node: { number: number } }>;
    };
  };
}

const PAGE_QUERY = `query($owner: String!, $name: String!, $cursor: String) {
  repository(owner: $owner, name: $name) {
    pullRequests(first: 50, after: $cursor) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { number } }
    }
  }
}`;

function graphqlCalls(): number {
  return emulator.requests.filter((r) => r.method === 'POST' && r.route === '/graphql').length;
}

beforeAll(async () => {
  emulator = await startEmulator({ now: () => new Date('2024-05-01T10:00:00Z') });
  const day = (n: number) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString();
  for (let i = 1; i <= PR_COUNT; i += 1) {
    emulator.store.addPullRequest({
      title: `Change ${i}`,
      author: i % 3 === 0 ? 'renovate[bot]' : 'alice',
      createdAt: day(i),
      // Every fourth pull request is merged, every fifth (not merged) closed, the rest open.
      mergedAt: i % 4 === 0 ? day(i + 1) : undefined,
      closedAt: i % 4 !== 0 && i % 5 === 0 ? day(i + 2) : undefined,
      labels: i % 10 === 0 ? ['release'] : [],
      reviews:
        i === REVIEWED_PR
          ? Array.from({ length: REVIEWS_ON_PR }, (_, r) => ({
              author: `reviewer${r}`,
              state: 'COMMENTED' as const,
              body: `round ${r}`,
            }))
          : [],
    });
  }
  ({ client } = createGitHubClient({ token: emulator.token, baseUrl: emulator.url, retries: 0 }));
});

afterAll(async () => {
  await emulator?.close();
});

beforeEach(() => emulator.resetLog());

test('120 pull requests come back across pages of 50 with correct pageInfo and one request per page', async () => {
  const pages: PullRequestPage['repository']['pullRequests'][] = [];
  let cursor: string | null = null;
  do {
    const page: PullRequestPage = await client.graphql<PullRequestPage>(PAGE_QUERY, {
      owner: 'acme',
      name: 'widgets',
      cursor,
    });
    pages.push(page.repository.pullRequests);
    cursor = page.repository.pullRequests.pageInfo.hasNextPage
      ? page.repository.pullRequests.pageInfo.endCursor
      : null;
  } while (cursor);

  expect(pages.map((p) => p.edges.length)).toEqual([50, 50, 20]);
  expect(pages.map((p) => p.totalCount)).toEqual([PR_COUNT, PR_COUNT, PR_COUNT]);
  expect(pages.map((p) => p.pageInfo.hasNextPage)).toEqual([true, true, false]);
  expect(pages.map((p) => p.pageInfo.hasPreviousPage)).toEqual([false, true, true]);
  for (const page of pages) {
    expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor);
    expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1]?.cursor);
  }
  const numbers = pages.flatMap((p) => p.edges.map((e) => e.node.number));
  expect(numbers).toEqual(Array.from({ length: PR_COUNT }, (_, i) => i + 1));
  expect(graphqlCalls()).toBe(3);
});

test('client.graphql.paginate collects every pull request in ceil(N/50) calls', async () => {
  const result = await client.graphql.paginate<{
    repository: { pullRequests: { nodes: Array<{ number: number }> } };
  }>(
    `query($cursor: String) {
      repository(owner: "acme", name: "widgets") {
        pullRequests(first: 50, after: $cursor) { nodes { number } pageInfo { hasNextPage endCursor } }
      }
    }`,
  );
  const numbers = result.repository.pullRequests.nodes.map((n) => n.number);
  expect(new Set(numbers).size).toBe(PR_COUNT);
  expect(graphqlCalls()).toBe(Math.ceil(PR_COUNT / 50));
});

test('last/before walks the same list backwards', async () => {
  const query = `query($before: String) {
    repository(owner: "acme", name: "widgets") {
      pullRequests(last: 50, before: $before) {
        pageInfo { hasNextPage hasPreviousPage startCursor }
        nodes { number }
      }
    }
  }`;
  type Page = {
    repository: { pullRequests: { pageInfo: PageInfo; nodes: Array<{ number: number }> } };
  };
  const last = await client.graphql<Page>(query);
  expect(last.repository.pullRequests.nodes.map((n) => n.number)).toEqual(
    Array.from({ length: 50 }, (_, i) => 71 + i),
  );
  expect(last.repository.pullRequests.pageInfo).toMatchObject({
    hasNextPage: false,
    hasPreviousPage: true,
  });
  const before = await client.graphql<Page>(query, {
    before: last.repository.pullRequests.pageInfo.startCursor,
  });
  expect(before.repository.pullRequests.nodes.map((n) => n.number)).toEqual(
    Array.from({ length: 50 }, (_, i) => 21 + i),
  );
});

test('reviews nested inside pull requests paginate, in the list and through the single pull request', async () => {
  type Reviews = {
    totalCount: number;
    pageInfo: PageInfo;
    nodes: Array<{ databaseId: number; body: string }>;
  };
  const listed = await client.graphql<{
    repository: { pullRequests: { nodes: Array<{ number: number; reviews: Reviews }> } };
  }>(
    `{ repository(owner: "acme", name: "widgets") {
        pullRequests(first: 10) { nodes { number reviews(first: 3) { totalCount pageInfo { hasNextPage endCursor hasPreviousPage startCursor } nodes { databaseId body } } } }
      } }`,
  );
  const reviewed = listed.repository.pullRequests.nodes.find((n) => n.number === REVIEWED_PR);
  expect(reviewed?.reviews.totalCount).toBe(REVIEWS_ON_PR);
  expect(reviewed?.reviews.nodes).toHaveLength(3);
  expect(reviewed?.reviews.pageInfo.hasNextPage).toBe(true);
  const unreviewed = listed.repository.pullRequests.nodes.find((n) => n.number === 1);
  expect(unreviewed?.reviews).toMatchObject({
    totalCount: 0,
    nodes: [],
    pageInfo: { hasNextPage: false, endCursor: null },
  });

  emulator.resetLog();
  const all = await client.graphql.paginate<{ repository: { pullRequest: { reviews: Reviews } } }>(
    `query($number: Int!, $cursor: String) {
      repository(owner: "acme", name: "widgets") {
        pullRequest(number: $number) { reviews(first: 3, after: $cursor) { nodes { databaseId body } pageInfo { hasNextPage endCursor } } }
      }
    }`,
    { number: REVIEWED_PR, cursor: reviewed?.reviews.pageInfo.endCursor },
  );
  const storeIds = emulator.store.requirePull(REVIEWED_PR).reviews.map((r) => r.id);
  const seen = [...(reviewed?.reviews.nodes ?? []), ...all.repository.pullRequest.reviews.nodes];
  expect(seen.map((r) => r.databaseId)).toEqual(storeIds);
  expect(seen.map((r) => r.body)).toEqual(
    Array.from({ length: REVIEWS_ON_PR }, (_, r) => `round ${r}`),
  );
  expect(graphqlCalls()).toBe(2);
});

test('states, labels and orderBy filter and sort the connection, and totalCount counts what matches', async () => {
  type Result = {
    repository: Record<
      string,
      { totalCount: number; nodes: Array<{ number: number; state: string }> }
    >;
  };
  const result = await client.graphql<Result>(`{ repository(owner: "acme", name: "widgets") {
    merged: pullRequests(first: 100, states: [MERGED]) { totalCount nodes { number state } }
    closed: pullRequests(first: 100, states: [CLOSED]) { totalCount nodes { number state } }
    open: pullRequests(first: 100, states: [OPEN]) { totalCount nodes { number state } }
    newest: pullRequests(first: 3, orderBy: { field: CREATED_AT, direction: DESC }) { totalCount nodes { number state } }
    release: pullRequests(first: 100, labels: ["release"]) { totalCount nodes { number state } }
  } }`);
  const { merged, closed, open, newest, release } = result.repository;
  const numbers = (n: number[]) => n;
  const all = Array.from({ length: PR_COUNT }, (_, i) => i + 1);
  expect(merged?.nodes.map((n) => n.number)).toEqual(numbers(all.filter((i) => i % 4 === 0)));
  expect(merged?.nodes.every((n) => n.state === 'MERGED')).toBe(true);
  expect(closed?.nodes.map((n) => n.number)).toEqual(all.filter((i) => i % 4 !== 0 && i % 5 === 0));
  expect(open?.totalCount).toBe(PR_COUNT - (merged?.totalCount ?? 0) - (closed?.totalCount ?? 0));
  expect(newest?.nodes.map((n) => n.number)).toEqual([120, 119, 118]);
  expect(newest?.totalCount).toBe(PR_COUNT);
  expect(release?.nodes.map((n) => n.number)).toEqual(all.filter((i) => i % 10 === 0));
});

test('a cursor GitHub did not hand out is refused with INVALID_CURSOR_ARGUMENTS', async () => {
  await expect(
    client.graphql(PAGE_QUERY, { owner: 'acme', name: 'widgets', cursor: 'bm90LWEtY3Vyc29y' }),
  ).rejects.toMatchObject({
    errors: [
      expect.objectContaining({
        type: 'INVALID_CURSOR_ARGUMENTS',
        path: ['repository', 'pullRequests'],
      }),
    ],
  });
});

test('rateLimit reports the query cost and node count GitHub computes, and remaining points go down', async () => {
  type Limit = {
    rateLimit: {
      cost: number;
      nodeCount: number;
      remaining: number;
      limit: number;
      resetAt: string;
    };
  };
  const query = `{ rateLimit { cost nodeCount remaining limit resetAt }
    repository(owner: "acme", name: "widgets") { pullRequests(first: 50) { nodes { reviews(first: 100) { totalCount } comments(first: 100) { totalCount } } } } }`;
  const first = await client.graphql<Limit>(query);
  // 1 request for the pull requests + 50 for reviews + 50 for comments = 101 -> cost 1; nodes 50 + 2 * 50 * 100.
  expect(first.rateLimit).toMatchObject({ cost: 1, nodeCount: 10_050, limit: 5000 });
  expect(Date.parse(first.rateLimit.resetAt)).toBeGreaterThan(Date.now());
  const second = await client.graphql<Limit>(query);
  expect(second.rateLimit.remaining).toBe(first.rateLimit.remaining - 1);
});
