// review-miner benchmark: classification throughput on 100,000 comments, and GraphQL calls for
// N closed PRs read through the GitHub API emulator over HTTP (its request log counts the calls;
// target about N/50). Each PR carries 3 inline comments, a review and a conversation comment;
// one PR in 25 has 40 threads, which overflows the first nested page.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGitHubClient } from '../../src/core/github-client';
import { classifyComment } from '../../src/review-miner/classify-comment';
import { collectReviewFeedback } from '../../src/review-miner/collect-graphql';
import { readLabelledComments } from '../../src/review-miner/read-labelled-comments';
import { startEmulator } from '../../test/support/emulator';

const here = path.dirname(fileURLToPath(import.meta.url));
const labelled = readLabelledComments(
  path.join(here, '..', '..', 'test', 'fixtures', 'review-miner'),
);

const N = 100_000;
const started = performance.now();
for (let i = 0; i < N; i += 1) {
  const item = labelled[i % labelled.length] as { body: string; diffHunk?: string };
  classifyComment(`${item.body} ${i}`, item.diffHunk);
}
const seconds = (performance.now() - started) / 1000;

async function callsFor(pulls: number): Promise<{ calls: number; comments: number; ms: number }> {
  const now = Date.now();
  const gh = await startEmulator({ owner: 'acme', repo: 'widgets', now: () => new Date(now) });
  try {
    for (let i = 0; i < pulls; i += 1) {
      const closed = new Date(now - (i + 1) * 3_600_000).toISOString();
      const threads = i % 25 === 0 ? 40 : 3;
      gh.store.addPullRequest({
        author: 'alice',
        createdAt: new Date(now - 90 * 86_400_000).toISOString(),
        mergedAt: closed,
        updatedAt: closed,
        reviews: [
          { author: 'bob', state: 'COMMENTED', body: 'A few points.', submittedAt: closed },
        ],
        comments: [{ author: 'carol', body: 'Please add a test.', createdAt: closed }],
        reviewComments: Array.from({ length: threads }, (_, t) => ({
          author: 'bob',
          body: `Rename this ${t}`,
          line: t + 1,
          createdAt: closed,
        })),
      });
    }
    const { client } = createGitHubClient({
      token: gh.token,
      baseUrl: gh.url,
      spaceWrites: false,
      budget: 100_000,
    });
    gh.resetLog();
    const t0 = performance.now();
    const collection = await collectReviewFeedback(
      (q, v) => client.graphql(q, v),
      { owner: 'acme', repo: 'widgets' },
      new Date(now - 365 * 86_400_000),
      { maxPulls: 100_000 },
    );
    const ms = performance.now() - t0;
    return {
      calls: gh.requests.filter((r) => r.route === '/graphql').length,
      comments: collection.comments.length,
      ms,
    };
  } finally {
    await gh.close();
  }
}

const rows = [];
for (const n of [50, 500, 2000]) {
  const r = await callsFor(n);
  rows.push(
    `| ${n} PRs | ${r.calls} GraphQL calls (target ~${Math.ceil(n / 50)}), ${r.comments} comments, ${(r.ms / 1000).toFixed(1)} s against the emulator |`,
  );
}
process.stdout.write(
  [
    '## review-miner',
    '',
    `| classification | ${N.toLocaleString('en-US')} comments in ${seconds.toFixed(2)} s (${Math.round(N / seconds).toLocaleString('en-US')}/s; target < 5 s) |`,
    '|---|---|',
    ...rows,
    '',
  ].join('\n'),
);
