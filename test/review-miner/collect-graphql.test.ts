// collect-graphql.ts over real HTTP against the GitHub API emulator, whose GraphQL endpoint
// validates every query against GitHub's published schema (a violation fails `close()`).
import { jest } from '@jest/globals';
import { createGitHubClient } from '../../src/core/github-client';
import { collectReviewFeedback } from '../../src/review-miner/collect-graphql';
import { filterComments } from '../../src/review-miner/filter-comments';
import { startEmulator, type Emulator } from '../support/emulator';

jest.setTimeout(60_000);

const DAY = 86_400_000;
const now = new Date('2026-11-02T12:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY).toISOString();

let gh: Emulator;

beforeEach(async () => {
  gh = await startEmulator({ owner: 'acme', repo: 'widgets', now: () => now });
});

afterEach(async () => {
  await gh.close();
});

function graphql() {
  const { client } = createGitHubClient({ token: gh.token, baseUrl: gh.url, spaceWrites: false });
  return (query: string, variables: Record<string, unknown>) => client.graphql(query, variables);
}

const graphqlCalls = () => gh.requests.filter((r) => r.route === '/graphql').length;

describe('collecting review feedback through GraphQL', () => {
  it('follows nested pages: 131 threads (one of 25 comments), 35 reviews and 35 conversation comments on one PR', async () => {
    const at = daysAgo(3);
    const pr = gh.store.addPullRequest({
      author: 'alice',
      title: 'Big change',
      createdAt: daysAgo(10),
      mergedAt: at,
      updatedAt: at,
      reviews: Array.from({ length: 35 }, (_, i) => ({
        author: 'bob',
        body: `Review body ${i}`,
        submittedAt: daysAgo(4),
      })),
      comments: Array.from({ length: 35 }, (_, i) => ({
        author: 'carol',
        body: `Conversation ${i}`,
        createdAt: daysAgo(4),
      })),
      reviewComments: Array.from({ length: 130 }, (_, i) => ({
        author: 'bob',
        body: `Inline ${i}`,
        path: 'src/a.py',
        line: i + 1,
        createdAt: daysAgo(4),
      })),
    });
    const root = gh.store.addReviewComment(pr.number, {
      author: 'dave',
      body: 'Thread root',
      path: 'src/b.py',
      line: 1,
      createdAt: daysAgo(4),
    });
    for (let i = 0; i < 24; i += 1) {
      gh.store.addReviewComment(pr.number, {
        author: i % 2 ? 'dave' : 'alice',
        body: `Reply ${i}`,
        path: 'src/b.py',
        inReplyToId: root.id,
        createdAt: daysAgo(4),
      });
    }

    const collection = await collectReviewFeedback(
      graphql(),
      { owner: 'acme', repo: 'widgets' },
      new Date(daysAgo(30)),
    );

    expect(collection.pulls.map((p) => p.number)).toEqual([pr.number]);
    const byKind = (kind: string) => collection.comments.filter((c) => c.kind === kind);
    expect(byKind('review')).toHaveLength(35);
    expect(byKind('conversation')).toHaveLength(35);
    expect(byKind('inline')).toHaveLength(155);
    expect(new Set(collection.comments.map((c) => c.id)).size).toBe(225);
    const reply = collection.comments.find((c) => c.body === 'Reply 23');
    expect(reply).toMatchObject({
      inReplyToId: root.id,
      prNumber: pr.number,
      prAuthor: 'alice',
      path: 'src/b.py',
    });
    // 1 page of PRs + 1 more reviews + 1 more comments + 2 more threads (131 = 30 + 100 + 1)
    // + 1 more comments of the long thread.
    expect(collection.calls).toBe(6);
    expect(collection.incomplete).toEqual([]);
    expect(graphqlCalls()).toBe(collection.calls);
  });

  it('pages through more than 50 closed PRs in one query per 50 when their feedback fits the first page', async () => {
    for (let i = 0; i < 120; i += 1) {
      const closed = daysAgo(1 + i / 10);
      gh.store.addPullRequest({
        author: 'alice',
        createdAt: daysAgo(30),
        mergedAt: i % 3 === 0 ? undefined : closed,
        closedAt: closed,
        updatedAt: closed,
        reviewComments: [{ author: 'bob', body: `Rename this ${i}`, createdAt: closed }],
      });
    }
    gh.store.addPullRequest({
      author: 'alice',
      title: 'still open',
      reviewComments: [{ author: 'bob', body: 'open PR feedback' }],
    });

    const collection = await collectReviewFeedback(
      graphql(),
      { owner: 'acme', repo: 'widgets' },
      new Date(daysAgo(60)),
    );

    expect(collection.pulls).toHaveLength(120);
    expect(collection.pulls.filter((p) => !p.merged)).toHaveLength(40);
    expect(collection.comments).toHaveLength(120);
    expect(collection.comments.some((c) => c.body === 'open PR feedback')).toBe(false);
    expect(collection.calls).toBe(3);
    expect(graphqlCalls()).toBe(3);
  });

  it('reads only PRs closed since the cursor and stops paging at the first PR last updated before it', async () => {
    for (let i = 0; i < 60; i += 1) {
      const closed = daysAgo(40 + i);
      gh.store.addPullRequest({
        author: 'alice',
        mergedAt: closed,
        updatedAt: closed,
        createdAt: daysAgo(200),
        reviewComments: [{ author: 'bob', body: `old ${i}`, createdAt: closed }],
      });
    }
    const recent = gh.store.addPullRequest({
      author: 'alice',
      mergedAt: daysAgo(2),
      updatedAt: daysAgo(2),
      createdAt: daysAgo(5),
      reviewComments: [{ author: 'bob', body: 'new', createdAt: daysAgo(3) }],
    });
    // Closed long ago but commented on since: updated after the cursor, closed before it.
    gh.store.addPullRequest({
      author: 'alice',
      mergedAt: daysAgo(90),
      updatedAt: daysAgo(1),
      createdAt: daysAgo(100),
      reviewComments: [{ author: 'bob', body: 'late', createdAt: daysAgo(1) }],
    });

    const collection = await collectReviewFeedback(
      graphql(),
      { owner: 'acme', repo: 'widgets' },
      new Date(daysAgo(10)),
    );

    expect(collection.pulls.map((p) => p.number)).toEqual([recent.number]);
    expect(collection.comments.map((c) => c.body)).toEqual(['new']);
    expect(collection.calls).toBe(1);
  });

  it("keeps reviewer feedback and drops bots and the PR author's replies from what GraphQL returns", async () => {
    gh.store.addUser('codecov[bot]');
    const pr = gh.store.addPullRequest({
      author: 'alice',
      mergedAt: daysAgo(1),
      updatedAt: daysAgo(1),
      createdAt: daysAgo(3),
      comments: [
        { author: 'codecov[bot]', body: 'Coverage decreased by 2%', createdAt: daysAgo(2) },
        {
          author: 'alice',
          body: 'I think this is ready, can you take another look please?',
          createdAt: daysAgo(2),
        },
      ],
      reviews: [
        {
          author: 'bob',
          state: 'CHANGES_REQUESTED',
          body: 'Please add a test for the empty input case.',
          submittedAt: daysAgo(2),
        },
      ],
    });
    const root = gh.store.addReviewComment(pr.number, {
      author: 'bob',
      body: 'This function needs a return type annotation.',
      path: 'a.py',
      line: 2,
      createdAt: daysAgo(2),
    });
    gh.store.addReviewComment(pr.number, {
      author: 'alice',
      body: 'Hmm, I would rather keep it as it is because the caller infers it.',
      inReplyToId: root.id,
      createdAt: daysAgo(2),
    });

    const collection = await collectReviewFeedback(
      graphql(),
      { owner: 'acme', repo: 'widgets' },
      new Date(daysAgo(10)),
    );
    const bot = collection.comments.find((c) => c.body.startsWith('Coverage'));
    expect(bot).toMatchObject({ authorType: 'Bot' });
    const filtered = filterComments(collection.comments);

    expect(filtered.kept.map((c) => c.body).sort()).toEqual([
      'Please add a test for the empty input case.',
      'This function needs a return type annotation.',
    ]);
    expect(filtered.counts.byReason.bot).toBe(1);
    expect(filtered.counts.byReason['pr-author']).toBe(2);
  });
});
