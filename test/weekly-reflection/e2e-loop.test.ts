// The loop closes: a recurring review theme -> a proposal -> a non-writer's decision refused, a
// writer's accepted -> its pull request merged -> the theme's frequency falls -> the experiment
// says "helped". Through the shipped bundle, the runner harness and the emulator.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { addWeeks } from '../../src/core/iso-week';
import type { StateTransaction } from '../../src/core/state/state-store';
import { recordCommentWeeks } from '../../src/review-miner/review-miner-state';
import { startEmulator, type Emulator } from '../support/emulator';
import { ROOT, runBundle, type BundleRun } from '../support/runner-harness';
import { at, readState, workspace, writeState } from './e2e-support';

const THEME_COUNTS: Record<string, number> = {
  '2026-W02': 2,
  '2026-W03': 2,
  '2026-W04': 2,
  '2026-W05': 9,
  '2026-W06': 1,
  '2026-W07': 1,
  '2026-W08': 0,
  '2026-W09': 1,
};

/**
 * The state review-miner leaves, written by its own code: the kept comments of each week
 * (`review-miner/comments/<week>.json`) and `themeCounts` in `review-miner/history/<week>.json`,
 * bucketed by the comments' creation dates. Every week also has a comment on another theme,
 * so a week without a naming comment was observed (naming counts 0 there, not "unknown").
 */
function reviewMinerState(): Record<string, unknown> {
  const files = new Map<string, unknown>();
  const tx: StateTransaction = {
    get: <T>(p: string) => files.get(p) as T | undefined,
    set: (p, data) => void files.set(p, data),
    delete: (p) => void files.delete(p),
    list: (prefix) => [...files.keys()].filter((k) => k.startsWith(prefix)),
  };
  let id = 1000;
  for (const [week, n] of Object.entries(THEME_COUNTS)) {
    const items = [...Array.from({ length: n }, () => 'naming'), 'tests'].map((theme, i) => ({
      id: (id += 1),
      record: { theme, author: 'rita', pull: 1, at: at(week, 10 + i) },
    }));
    // review-miner runs the week after, over the comments written during the week.
    recordCommentWeeks(tx, items, { week: addWeeks(week, 1), runAt: at(addWeeks(week, 1), 2) });
  }
  return Object.fromEntries(files);
}

const bundleBuilt = existsSync(path.join(ROOT, 'dist', 'weekly-reflection', 'index.js'));
(bundleBuilt ? describe : describe.skip)('the weekly-reflection loop', () => {
  let emulator: Emulator;
  let clock = new Date(at('2026-W02', 0));
  let ws: string;
  const env = { TEND_SPACE_WRITES: 'false', TEND_RETRY_BASE_MS: '1' };

  const weekly = async (week: string): Promise<BundleRun> => {
    const run = await runBundle('weekly-reflection', {
      workspace: ws,
      emulator,
      inputs: { week },
      env,
    });
    if (run.exitCode !== 0)
      throw new Error(`weekly run ${week} failed:\n${run.stdout}\n${run.stderr}`);
    return run;
  };
  const comment = async (login: string, body: string, issue: number): Promise<BundleRun> =>
    runBundle('weekly-reflection', {
      workspace: ws,
      emulator,
      eventName: 'issue_comment',
      event: {
        action: 'created',
        issue: { number: issue, body: '' },
        comment: { body, user: { login } },
        sender: { login },
        repository: { default_branch: 'main' },
      },
      env,
    });
  const proposal = () => {
    const file = readState<{
      proposals: Record<string, { id: string; status: string; key: string }>;
    }>(emulator, 'proposals.json')!;
    return Object.values(file.proposals).find((p) => p.key === 'metric-review-theme-naming')!;
  };

  beforeAll(async () => {
    emulator = await startEmulator({ owner: 'acme', repo: 'widgets', now: () => clock });
    emulator.store.addCollaborator('rita', 'write');
    emulator.store.addUser('visitor');
    emulator.store.commitFiles(
      'main',
      { 'AGENTS.md': '# Agents\n', 'README.md': '# widgets\n' },
      'initial',
    );
    ws = workspace();
    writeState(emulator, reviewMinerState());
  }, 60_000);

  afterAll(async () => emulator?.close());

  let reportNumber = 0;

  it('proposes a fix when the review theme rises above its normal range', async () => {
    for (const week of ['2026-W02', '2026-W03', '2026-W04']) await weekly(week);
    expect(proposal()).toBeUndefined();
    clock = new Date(at('2026-W06', 1));
    const run = await weekly('2026-W05');
    const p = proposal();
    expect(p).toMatchObject({ status: 'proposed' });
    reportNumber = Number(run.outputs['report-issue']);
    const report = emulator.store.issue(reportNumber)!;
    expect(report.body).toContain(`- [ ] \`${p.id}\``);
  }, 120_000);

  it('refuses a decision from someone without write access, politely, and changes nothing', async () => {
    const p = proposal();
    const run = await comment('visitor', `/tend reject ${p.id} not needed`, reportNumber);
    expect(run.exitCode).toBe(0);
    expect(proposal().status).toBe('proposed');
    const last = emulator.store.issue(reportNumber)!.comments.at(-1)!;
    expect(last.body).toMatch(/Only people with write access/);
  }, 60_000);

  it("accepts a writer's decision and opens the proposal's pull request", async () => {
    const p = proposal();
    const run = await comment('rita', `/tend accept ${p.id}`, reportNumber);
    expect(run.exitCode).toBe(0);
    expect(proposal().status).toBe('accepted');
    const pr = emulator.store
      .pullRequests()
      .find((i) => i.pull?.head.ref === 'tend/weekly-reflection/metric-review-theme-naming');
    expect(pr).toBeDefined();
    expect(emulator.store.issue(reportNumber)!.comments.at(-1)!.body).toMatch(/Recorded for @rita/);
  }, 60_000);

  it('marks the proposal implemented when its PR is merged, and the experiment says it helped', async () => {
    const pr = emulator.store
      .pullRequests()
      .find((i) => i.pull?.head.ref === 'tend/weekly-reflection/metric-review-theme-naming')!;
    clock = new Date(at('2026-W06', 10));
    const merge = await fetch(`${emulator.url}/repos/acme/widgets/pulls/${pr.number}/merge`, {
      method: 'PUT',
      headers: { authorization: `token ${emulator.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ merge_method: 'squash' }),
    });
    expect(merge.status).toBe(200);
    for (const week of ['2026-W06', '2026-W07', '2026-W08']) {
      clock = new Date(at(addWeeks(week, 1), 1));
      await weekly(week);
    }
    expect(proposal().status).toBe('implemented');
    let experiments = readState<{ experiments: Record<string, { verdict: string }> }>(
      emulator,
      'experiments.json',
    )!;
    expect(experiments.experiments[proposal().id]!.verdict).toBe('waiting');
    clock = new Date(at('2026-W10', 1));
    const run = await weekly('2026-W09');
    experiments = readState(emulator, 'experiments.json')!;
    const e = experiments.experiments[proposal().id] as unknown as {
      verdict: string;
      before: { values: number[] };
      after: { values: number[] };
    };
    expect(e.before.values).toEqual([2, 2, 9]);
    expect(e.after.values).toEqual([1, 0, 1]);
    expect(e.verdict).toBe('helped');
    expect(run.summary).toMatch(/\| helped \|/);
  }, 180_000);
});
