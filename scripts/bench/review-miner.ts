// review-miner benchmark: classification throughput on 100,000 comments, and GraphQL calls per
// N PRs (computed with a counting fake of the paged query; target about N/50).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyComment } from '../../src/review-miner/classify-comment';
import { collectReviewFeedback } from '../../src/review-miner/collect-graphql';

const here = path.dirname(fileURLToPath(import.meta.url));
const labelled = readFileSync(path.join(here, '..', '..', 'test', 'fixtures', 'review-miner', 'labelled-comments.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { body: string; diffHunk?: string });

const N = 100_000;
const started = performance.now();
for (let i = 0; i < N; i += 1) {
  const item = labelled[i % labelled.length] as { body: string; diffHunk?: string };
  classifyComment(`${item.body} ${i}`, item.diffHunk);
}
const seconds = (performance.now() - started) / 1000;

async function callsFor(pulls: number): Promise<number> {
  const now = Date.now();
  const empty = { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] };
  const call = async (_q: string, v: Record<string, unknown>) => {
    const offset = v.after ? Number(v.after) : 0;
    const nodes = Array.from({ length: Math.min(50, pulls - offset) }, (_, i) => ({
      id: `PR_${offset + i}`,
      number: offset + i + 1,
      url: '',
      headRefName: 'feature',
      merged: true,
      closedAt: new Date(now - (offset + i) * 60_000).toISOString(),
      updatedAt: new Date(now - (offset + i) * 60_000).toISOString(),
      author: { login: 'a', __typename: 'User' },
      reviews: empty,
      reviewThreads: empty,
      comments: empty,
    }));
    const end = offset + nodes.length;
    return { repository: { pullRequests: { pageInfo: { hasNextPage: end < pulls, endCursor: String(end) }, nodes } } };
  };
  return (await collectReviewFeedback(call, { owner: 'o', repo: 'r' }, new Date(now - 365 * 86_400_000))).calls;
}

const rows = [];
for (const n of [50, 500, 2000]) rows.push(`| ${n} PRs | ${await callsFor(n)} GraphQL calls (target ~${Math.ceil(n / 50)}) |`);
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
