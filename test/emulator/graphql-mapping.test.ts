// The store maps to GitHub's GraphQL shapes: actors as User or Bot, databaseId equal to the
// REST id of the same object, GitHub's urls, review threads, commits and timeline items.
import { createGitHubClient, type GitHubClient } from '../../src/core/github-client';
import { startEmulator, type Emulator } from '../support/emulator';

let emulator: Emulator;
let client: GitHubClient;
const repo = { owner: 'acme', repo: 'widgets' };

beforeAll(async () => {
  emulator = await startEmulator({ now: () => new Date('2024-05-01T10:00:00Z') });
  const { store } = emulator;
  store.addCollaborator('bob', 'write');
  store.addPullRequest({
    number: 3,
    title: 'Parse widgets lazily',
    body: 'Speeds up start-up.',
    author: 'alice',
    createdAt: '2024-04-01T09:00:00Z',
    mergedAt: '2024-04-03T12:00:00Z',
    labels: ['performance'],
    additions: 40,
    deletions: 12,
    changedFiles: 3,
    commits: [
      {
        sha: 'a'.repeat(40),
        message: 'Parse lazily\n\nDetails here.',
        author: 'alice',
        committedAt: '2024-04-01T08:00:00Z',
      },
      {
        sha: 'b'.repeat(40),
        message: 'Address review',
        author: 'alice',
        committedAt: '2024-04-02T15:00:00Z',
      },
    ],
    timeline: [
      { event: 'convert_to_draft', createdAt: '2024-04-01T09:05:00Z', actor: 'alice' },
      { event: 'ready_for_review', createdAt: '2024-04-01T10:00:00Z', actor: 'alice' },
      {
        event: 'review_requested',
        createdAt: '2024-04-01T10:01:00Z',
        actor: 'alice',
        subject: 'bob',
      },
    ],
    comments: [
      { author: 'github-actions[bot]', body: 'Coverage: 91%', createdAt: '2024-04-01T09:30:00Z' },
    ],
  });
  const review = store.addReview(3, {
    author: 'bob',
    state: 'CHANGES_REQUESTED',
    body: 'A few things.',
    submittedAt: '2024-04-02T11:00:00Z',
  });
  const root = store.addReviewComment(3, {
    author: 'bob',
    body: 'Add a return type here.',
    path: 'src/parse.ts',
    line: 14,
    reviewId: review.id,
    createdAt: '2024-04-02T11:00:00Z',
  });
  store.addReviewComment(3, {
    author: 'alice',
    body: 'Done.',
    path: 'src/parse.ts',
    line: 14,
    inReplyToId: root.id,
    reviewId: review.id,
    createdAt: '2024-04-02T15:01:00Z',
  });
  store.addReview(3, {
    author: 'bob',
    state: 'APPROVED',
    body: '',
    submittedAt: '2024-04-03T09:00:00Z',
  });
  store.addPullRequest({
    number: 4,
    title: 'Bump lodash',
    author: 'dependabot[bot]',
    createdAt: '2024-04-05T00:00:00Z',
  });
  store.addIssue({
    number: 5,
    title: 'Crash on empty widget',
    author: 'carol',
    state: 'closed',
    stateReason: 'not_planned',
    labels: ['bug'],
  });
  ({ client } = createGitHubClient({ token: emulator.token, baseUrl: emulator.url, retries: 0 }));
});

afterAll(async () => {
  await emulator?.close();
});

test('authors resolve as User or Bot with __typename, and bot logins drop the [bot] suffix as GitHub does', async () => {
  const result = await client.graphql<{
    repository: {
      pullRequests: {
        nodes: Array<{
          number: number;
          author: { __typename: string; login: string; databaseId: number };
        }>;
      };
    };
  }>(`{ repository(owner: "acme", name: "widgets") {
    pullRequests(first: 10) { nodes { number author { __typename login ... on User { databaseId } ... on Bot { databaseId } } } }
  } }`);
  const authors = Object.fromEntries(
    result.repository.pullRequests.nodes.map((n) => [n.number, n.author]),
  );
  const rest3 = await client.rest.pulls.get({ ...repo, pull_number: 3 });
  const rest4 = await client.rest.pulls.get({ ...repo, pull_number: 4 });
  expect(authors[3]).toEqual({
    __typename: 'User',
    login: 'alice',
    databaseId: rest3.data.user.id,
  });
  expect(authors[4]).toEqual({
    __typename: 'Bot',
    login: 'dependabot',
    databaseId: rest4.data.user.id,
  });
  expect(rest4.data.user.login).toBe('dependabot[bot]');
});

test('pull request fields match the store and the REST answer for the same pull request', async () => {
  const { repository } = await client.graphql<{
    repository: { pullRequest: Record<string, unknown> };
  }>(`{
    repository(owner: "acme", name: "widgets") {
      pullRequest(number: 3) {
        id databaseId number title body url state isDraft merged createdAt mergedAt closedAt
        additions deletions changedFiles headRefName baseRefName authorAssociation reviewDecision
        labels(first: 5) { nodes { name } }
      }
    }
  }`);
  const rest = (await client.rest.pulls.get({ ...repo, pull_number: 3 })).data;
  expect(repository.pullRequest).toEqual({
    id: rest.node_id,
    databaseId: rest.id,
    number: 3,
    title: 'Parse widgets lazily',
    body: 'Speeds up start-up.',
    url: 'https://github.com/acme/widgets/pull/3',
    state: 'MERGED',
    isDraft: false,
    merged: true,
    createdAt: '2024-04-01T09:00:00Z',
    mergedAt: '2024-04-03T12:00:00Z',
    closedAt: '2024-04-03T12:00:00Z',
    additions: 40,
    deletions: 12,
    changedFiles: 3,
    headRefName: rest.head.ref,
    baseRefName: 'main',
    authorAssociation: rest.author_association,
    reviewDecision: 'APPROVED',
    labels: { nodes: [{ name: 'performance' }] },
  });
  expect(rest.html_url).toBe(repository.pullRequest.url);
});

test('reviews, review comments and conversation comments carry the REST ids and GitHub urls', async () => {
  type Comment = { databaseId: number; url: string; body: string; author: { login: string } };
  const { repository } = await client.graphql<{
    repository: {
      pullRequest: {
        reviews: {
          nodes: Array<{
            databaseId: number;
            url: string;
            state: string;
            submittedAt: string;
            commit: { oid: string };
            comments: { nodes: Comment[] };
          }>;
        };
        reviewThreads: {
          nodes: Array<{
            path: string;
            line: number;
            comments: {
              nodes: Array<
                Comment & {
                  replyTo: { databaseId: number } | null;
                  pullRequestReview: { databaseId: number };
                  path: string;
                  line: number;
                  diffHunk: string;
                  createdAt: string;
                }
              >;
            };
          }>;
        };
        comments: { nodes: Array<Comment & { author: { __typename: string; login: string } }> };
      };
    };
  }>(`{ repository(owner: "acme", name: "widgets") { pullRequest(number: 3) {
    reviews(first: 10) { nodes { databaseId url state submittedAt commit { oid } comments(first: 10) { nodes { databaseId url body author { login } } } } }
    reviewThreads(first: 10) { nodes { path line comments(first: 10) {
      nodes { databaseId url body author { login } path line diffHunk createdAt replyTo { databaseId } pullRequestReview { databaseId } } } } }
    comments(first: 10) { nodes { databaseId url body author { __typename login } } }
  } } }`);
  const pr = repository.pullRequest;
  const restReviews = (await client.rest.pulls.listReviews({ ...repo, pull_number: 3 })).data;
  const restComments = (await client.rest.pulls.listReviewComments({ ...repo, pull_number: 3 }))
    .data;
  const restIssueComments = (await client.rest.issues.listComments({ ...repo, issue_number: 3 }))
    .data;

  expect(
    pr.reviews.nodes.map((r) => [r.databaseId, r.url, r.state, r.submittedAt, r.commit.oid]),
  ).toEqual(restReviews.map((r) => [r.id, r.html_url, r.state, r.submitted_at, r.commit_id]));
  expect(pr.reviews.nodes[0]?.url).toBe(
    `https://github.com/acme/widgets/pull/3#pullrequestreview-${restReviews[0]?.id}`,
  );
  expect(pr.reviews.nodes[0]?.comments.nodes.map((c) => c.databaseId)).toEqual(
    restComments.map((c) => c.id),
  );

  expect(pr.reviewThreads.nodes).toHaveLength(1);
  const thread = pr.reviewThreads.nodes[0];
  expect(thread).toMatchObject({ path: 'src/parse.ts', line: 14 });
  expect(
    thread?.comments.nodes.map((c) => ({
      id: c.databaseId,
      url: c.url,
      replyTo: c.replyTo?.databaseId,
      review: c.pullRequestReview.databaseId,
      hunk: c.diffHunk,
    })),
  ).toEqual(
    restComments.map((c) => ({
      id: c.id,
      url: c.html_url,
      replyTo: c.in_reply_to_id,
      review: c.pull_request_review_id,
      hunk: c.diff_hunk,
    })),
  );
  expect(thread?.comments.nodes[0]?.url).toBe(
    `https://github.com/acme/widgets/pull/3#discussion_r${restComments[0]?.id}`,
  );

  expect(pr.comments.nodes).toEqual([
    {
      databaseId: restIssueComments[0]?.id,
      url: `https://github.com/acme/widgets/pull/3#issuecomment-${restIssueComments[0]?.id}`,
      body: 'Coverage: 91%',
      author: { __typename: 'Bot', login: 'github-actions' },
    },
  ]);
});

test('commits carry oid, date, message and the author user', async () => {
  const { repository } = await client.graphql<{
    repository: {
      pullRequest: {
        commits: { totalCount: number; nodes: Array<{ commit: Record<string, unknown> }> };
      };
    };
  }>(`{ repository(owner: "acme", name: "widgets") { pullRequest(number: 3) {
    commits(first: 10) { totalCount nodes { commit { oid committedDate messageHeadline messageBody author { user { login } } } } }
  } } }`);
  expect(repository.pullRequest.commits.totalCount).toBe(2);
  expect(repository.pullRequest.commits.nodes.map((n) => n.commit)).toEqual([
    {
      oid: 'a'.repeat(40),
      committedDate: '2024-04-01T08:00:00Z',
      messageHeadline: 'Parse lazily',
      messageBody: 'Details here.',
      author: { user: { login: 'alice' } },
    },
    {
      oid: 'b'.repeat(40),
      committedDate: '2024-04-02T15:00:00Z',
      messageHeadline: 'Address review',
      messageBody: '',
      author: { user: { login: 'alice' } },
    },
  ]);
});

test('timelineItems filters by itemTypes and keeps time order, with the merge event GitHub always records', async () => {
  const { repository } = await client.graphql<{
    repository: {
      pullRequest: { timelineItems: { totalCount: number; nodes: Array<Record<string, unknown>> } };
    };
  }>(`{ repository(owner: "acme", name: "widgets") { pullRequest(number: 3) {
    timelineItems(first: 20, itemTypes: [CONVERT_TO_DRAFT_EVENT, READY_FOR_REVIEW_EVENT, REVIEW_REQUESTED_EVENT, PULL_REQUEST_REVIEW, MERGED_EVENT]) {
      totalCount
      nodes {
        __typename
        ... on ConvertToDraftEvent { createdAt actor { login } }
        ... on ReadyForReviewEvent { createdAt actor { login } }
        ... on ReviewRequestedEvent { createdAt requestedReviewer { __typename ... on User { login } } }
        ... on PullRequestReview { submittedAt state }
        ... on MergedEvent { createdAt mergeRefName }
      }
    }
  } } }`);
  expect(repository.pullRequest.timelineItems.nodes).toEqual([
    {
      __typename: 'ConvertToDraftEvent',
      createdAt: '2024-04-01T09:05:00Z',
      actor: { login: 'alice' },
    },
    {
      __typename: 'ReadyForReviewEvent',
      createdAt: '2024-04-01T10:00:00Z',
      actor: { login: 'alice' },
    },
    {
      __typename: 'ReviewRequestedEvent',
      createdAt: '2024-04-01T10:01:00Z',
      requestedReviewer: { __typename: 'User', login: 'bob' },
    },
    {
      __typename: 'PullRequestReview',
      submittedAt: '2024-04-02T11:00:00Z',
      state: 'CHANGES_REQUESTED',
    },
    { __typename: 'PullRequestReview', submittedAt: '2024-04-03T09:00:00Z', state: 'APPROVED' },
    { __typename: 'MergedEvent', createdAt: '2024-04-03T12:00:00Z', mergeRefName: 'main' },
  ]);
  expect(repository.pullRequest.timelineItems.totalCount).toBe(6);
});

test('issues list only issues, with state reason and labels; a pull request number is not an issue', async () => {
  const { repository } = await client.graphql<{
    repository: { issues: { totalCount: number; nodes: Array<Record<string, unknown>> } };
  }>(`{ repository(owner: "acme", name: "widgets") {
    issues(first: 10, states: [OPEN, CLOSED]) { totalCount nodes { number state stateReason url author { login } labels(first: 5) { nodes { name } } } }
  } }`);
  expect(repository.issues).toEqual({
    totalCount: 1,
    nodes: [
      {
        number: 5,
        state: 'CLOSED',
        stateReason: 'NOT_PLANNED',
        url: 'https://github.com/acme/widgets/issues/5',
        author: { login: 'carol' },
        labels: { nodes: [{ name: 'bug' }] },
      },
    ],
  });
  await expect(
    client.graphql('{ repository(owner: "acme", name: "widgets") { issue(number: 3) { title } } }'),
  ).rejects.toMatchObject({
    errors: [
      expect.objectContaining({
        type: 'NOT_FOUND',
        message: 'Could not resolve to an Issue with the number of 3.',
      }),
    ],
  });
  expect(emulator.violations).toEqual([]);
});

test('the default branch ref and the repository identity come from the store', async () => {
  const { repository } = await client.graphql<{
    repository: Record<string, unknown>;
  }>(`{ repository(owner: "acme", name: "widgets") {
    databaseId nameWithOwner url isPrivate owner { __typename login }
    defaultBranchRef { name prefix target { oid } }
  } }`);
  const rest = (await client.rest.repos.get(repo)).data;
  expect(repository).toEqual({
    databaseId: rest.id,
    nameWithOwner: 'acme/widgets',
    url: 'https://github.com/acme/widgets',
    isPrivate: false,
    owner: { __typename: 'User', login: 'acme' },
    defaultBranchRef: {
      name: 'main',
      prefix: 'refs/heads/',
      target: { oid: emulator.store.branchSha('main') },
    },
  });
});

test('files lists what the head commit changed against the base, and object() reads a blob', async () => {
  emulator.store.commitFiles('main', { 'docs/guide.md': '# Guide\n\nRun it.\n' }, 'Add guide');
  const { repository } = await client.graphql<{
    repository: {
      pullRequest: {
        files: { nodes: unknown[] };
        headRef: { name: string; target: { oid: string } };
      };
      object: { __typename: string; text: string; byteSize: number };
    };
  }>(`{ repository(owner: "acme", name: "widgets") {
    pullRequest(number: 4) { files(first: 100) { nodes { path changeType additions deletions } } headRef { name target { oid } } }
    object(expression: "main:docs/guide.md") { __typename ... on Blob { text byteSize } }
  } }`);
  const head = emulator.store.requirePull(4).head;
  expect(repository.pullRequest.files.nodes).toEqual([
    { path: 'changes/pr-4.txt', changeType: 'ADDED', additions: 1, deletions: 0 },
  ]);
  expect(repository.pullRequest.headRef).toEqual({ name: head.ref, target: { oid: head.sha } });
  expect(repository.object).toEqual({
    __typename: 'Blob',
    text: '# Guide\n\nRun it.\n',
    byteSize: 17,
  });
});

test('viewer is refused for the workflow token, which has no user behind it, as on GitHub', async () => {
  expect(emulator.store.viewer).toBe('github-actions[bot]');
  await expect(client.graphql('{ viewer { login } }')).rejects.toMatchObject({
    errors: [
      expect.objectContaining({
        type: 'FORBIDDEN',
        message: 'Resource not accessible by integration',
      }),
    ],
  });
});
