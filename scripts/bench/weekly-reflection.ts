// Benchmark: weekly-reflection on a week with 1,000 pull requests (agents, humans, Dependabot,
// with reviews, commits and comments) and 300 workflow runs, served by the GitHub API emulator,
// through the shipped bundle. Prints API calls (target < 40) and wall time (target < 60 s), with
// GitHub's request spacing (as in production) and without it.
// Run: npm run bench -- weekly-reflection   (build first: node scripts/build.mjs weekly-reflection)
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { weekStart } from '../../src/core/iso-week';
import { startEmulator } from '../../test/support/emulator';
import { runBundle } from '../../test/support/runner-harness';

const WEEK = '2026-W10';
const PRS = 1000;
const RUNS = 300;
const HOUR = 3_600_000;
const start = weekStart(WEEK).getTime();
const t = (hours: number) => new Date(start + hours * HOUR).toISOString();

async function measure(spaceWrites: boolean) {
  const emulator = await startEmulator({
    owner: 'acme',
    repo: 'widgets',
    now: () => new Date(start + 8 * 24 * HOUR),
  });
  const store = emulator.store;
  store.commitFiles('main', { 'README.md': '# widgets\n' }, 'initial');
  const seedStarted = Date.now();
  for (let i = 0; i < PRS; i++) {
    const created = (i * 150) / PRS; // spread over the first 150 hours of the week
    const author =
      i % 10 === 0 ? 'dependabot[bot]' : i % 3 === 0 ? 'copilot-swe-agent[bot]' : `dev${i % 17}`;
    const merged = i % 7 !== 0;
    const pr = store.addPullRequest({
      author,
      title: `Change ${i}`,
      createdAt: t(created),
      updatedAt: t(created + 5),
      ...(merged ? { mergedAt: t(created + 5) } : i % 14 === 0 ? { closedAt: t(created + 4) } : {}),
      commits:
        i % 5 === 0
          ? [{ committedAt: t(created) }, { committedAt: t(created + 3) }]
          : [{ committedAt: t(created) }],
      comments:
        i % 9 === 0
          ? [{ author, body: 'Should this also cover the CLI?', createdAt: t(created + 1) }]
          : [],
    });
    if (author !== 'dependabot[bot]') {
      const review = store.addReview(pr.number, {
        author: `rev${i % 5}`,
        state: i % 5 === 0 ? 'CHANGES_REQUESTED' : 'APPROVED',
        body: i % 5 === 0 ? 'Please add a test.' : '',
        submittedAt: t(created + 2),
      });
      if (i % 5 === 0) {
        store.addReviewComment(pr.number, {
          author: `rev${i % 5}`,
          body: 'test here',
          reviewId: review.id,
          createdAt: t(created + 2),
        });
        store.addReview(pr.number, {
          author: `rev${(i + 1) % 5}`,
          state: 'APPROVED',
          submittedAt: t(created + 4),
        });
      }
    }
  }
  for (let i = 0; i < RUNS; i++) {
    store.addWorkflowRun({
      event: i % 2 ? 'pull_request' : 'push',
      headBranch: i % 2 ? 'topic' : 'main',
      status: 'completed',
      conclusion: i % 6 === 0 ? 'failure' : 'success',
      runAttempt: i % 11 === 0 ? 2 : 1,
      createdAt: t((i * 160) / RUNS),
    });
  }
  const seedMs = Date.now() - seedStarted;

  const workspace = mkdtempSync(path.join(os.tmpdir(), 'tend-bench-wr-'));
  execFileSync('git', ['init', '-q'], { cwd: workspace });
  emulator.resetLog();
  const run = await runBundle('weekly-reflection', {
    workspace,
    emulator,
    inputs: { week: WEEK },
    // The harness turns spacing off by default: say explicitly which one is measured.
    env: { TEND_SPACE_WRITES: spaceWrites ? 'true' : 'false' },
    timeoutMs: 300_000,
  });
  const calls = emulator.requests.length;
  if (process.env.TEND_BENCH_VERBOSE)
    for (const r of emulator.requests) console.log(`  ${r.method} ${r.route}`);
  const graphql = emulator.requests.filter((r) => r.route === '/graphql').length;
  await emulator.close();
  if (run.exitCode !== 0) {
    console.error(run.stdout, run.stderr);
    process.exit(1);
  }
  console.log(
    `weekly-reflection, one week with ${PRS} PRs and ${RUNS} workflow runs (seeding ${seedMs} ms), ` +
      (spaceWrites
        ? 'writes and GraphQL calls spaced 1 s apart as on GitHub:'
        : 'no request spacing:'),
  );
  console.log(
    `  API calls : ${calls} (GraphQL ${graphql})   target < 40   ${calls < 40 ? 'ok' : 'OVER'}`,
  );
  console.log(
    `  wall time : ${(run.durationMs / 1000).toFixed(1)} s   target < 60 s   ${run.durationMs < 60_000 ? 'ok' : 'OVER'}`,
  );
  console.log(
    `  merged PRs: ${run.outputs['first-submission-approval-rate'] ? 'first-submission approval ' + Number(run.outputs['first-submission-approval-rate']).toFixed(3) : 'n/a'}`,
  );
}

await measure(true);
await measure(false);
