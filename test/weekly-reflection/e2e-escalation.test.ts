// Escalation end to end: a pattern that meets the escalation criteria (significant impact and
// authority needed: the CI failure rate jumps and no change tend can make fixes it) opens one
// issue labelled tend:escalation in the Process Observation format; reruns update that issue;
// the escalation frequency counts it. Through the shipped bundle, the runner harness and the
// emulator.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { addWeeks } from '../../src/core/iso-week';
import { startEmulator, type Emulator } from '../support/emulator';
import { ROOT, runBundle, type BundleRun } from '../support/runner-harness';
import { at, readState, seedWeek, workspace } from './e2e-support';

const WEEKS = ['2026-W02', '2026-W03', '2026-W04', '2026-W05', '2026-W06'];
const FAILING = '2026-W05';

const bundleBuilt = existsSync(path.join(ROOT, 'dist', 'weekly-reflection', 'index.js'));
(bundleBuilt ? describe : describe.skip)('weekly-reflection escalations', () => {
  let emulator: Emulator;
  let clock = new Date(at('2026-W03', 1));
  let ws: string;
  const runs: Record<string, BundleRun[]> = {};

  const weekly = async (week: string): Promise<BundleRun> => {
    clock = new Date(at(addWeeks(week, 1), 1));
    const run = await runBundle('weekly-reflection', {
      workspace: ws,
      emulator,
      inputs: { week },
      env: { TEND_SPACE_WRITES: 'false', TEND_RETRY_BASE_MS: '1' },
    });
    if (run.exitCode !== 0)
      throw new Error(`weekly run ${week} failed:\n${run.stdout}\n${run.stderr}`);
    (runs[week] ??= []).push(run);
    return run;
  };
  const escalations = () =>
    [...emulator.store.issues.values()].filter(
      (i) => i.pull === null && i.labels.includes('tend:escalation'),
    );

  beforeAll(async () => {
    emulator = await startEmulator({ owner: 'acme', repo: 'widgets', now: () => clock });
    emulator.store.addCollaborator('rita', 'write');
    emulator.store.commitFiles('main', { 'AGENTS.md': '# Agents\n' }, 'initial');
    for (const week of WEEKS)
      seedWeek(emulator, week, {
        agents: 2,
        humans: 3,
        dependency: 1,
        ciFailures: week === FAILING ? 1 : 0,
      });
    ws = workspace();
    for (const week of WEEKS.slice(0, 4)) await weekly(week);
    await weekly(FAILING); // rerun of the same week
    await weekly(FAILING);
  }, 180_000);

  afterAll(async () => emulator?.close());

  it('opens exactly one escalation issue, in the Process Observation format, for the week the CI failure rate jumped', () => {
    const issues = escalations();
    expect(issues).toHaveLength(1);
    const issue = issues[0]!;
    expect(issue.title).toBe('Escalation: CI failure rate rose above its normal range');
    expect(issue.labels).toEqual(expect.arrayContaining(['tend:escalation', 'tend:proposal']));
    for (const heading of [
      '## Process Observation:',
      '### Pattern Detected',
      '### Evidence',
      '### Impact',
      '### Proposed Fix',
      '### Decision Needed',
    ])
      expect(issue.body).toContain(heading);
    expect(issue.body).toMatch(/Escalated: significant impact; authority needed/);
    expect(issue.body).not.toMatch(/systemic cause/); // first seen this week, rerun or not
    expect(issue.body).toContain(
      '<!-- tend:weekly-reflection:escalation-metric-ci-failure-rate -->',
    );
    // Weeks without the pattern escalate nothing.
    for (const week of WEEKS.slice(0, 3))
      expect(runs[week]![0]!.stdout + runs[week]![0]!.summary).not.toMatch(/escalated: [1-9]/);
  });

  it('updates the same issue on reruns of the week, with an identical body', () => {
    const [first, second, third] = runs[FAILING]!;
    expect(first!.outputs['report-issue']).toBe(third!.outputs['report-issue']);
    expect(escalations()).toHaveLength(1);
    expect(second!.summary).toBe(first!.summary);
    expect(third!.summary).toBe(first!.summary);
    const registry = readState<{ proposals: Record<string, { key: string; escalate?: boolean }> }>(
      emulator,
      'proposals.json',
    )!;
    const escalated = Object.values(registry.proposals).filter((p) => p.escalate);
    expect(escalated.map((p) => p.key)).toEqual(['metric-ci-failure-rate']);
  });

  it('counts the escalation in the escalation frequency: proposals escalated for the week, and issues opened during the next', async () => {
    const snapshot = readState<{ indicators: { escalationsThisWeek: number } }>(
      emulator,
      `weekly-reflection/history/${FAILING}.json`,
    )!;
    expect(snapshot.indicators.escalationsThisWeek).toBe(1);
    expect(runs[FAILING]![0]!.summary).toMatch(/escalated: 1;/);
    expect(runs[FAILING]![0]!.summary).toMatch(
      /- \[ \] `P-\d+` CI failure rate rose above its normal range \(weekly-reflection\) \*\*\(escalated\)\*\*/,
    );
    // The issue was opened during the following week (when the report ran): it counts there.
    await weekly('2026-W06');
    const next = readState<{ metrics: Record<string, number | null> }>(
      emulator,
      'weekly-reflection/history/2026-W06.json',
    )!;
    expect(next.metrics['escalations-opened']).toBe(1);
    const earlier = readState<{ metrics: Record<string, number | null> }>(
      emulator,
      `weekly-reflection/history/${FAILING}.json`,
    )!;
    expect(earlier.metrics['escalations-opened']).toBe(0);
  }, 60_000);
});
