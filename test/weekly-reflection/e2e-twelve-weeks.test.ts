// A simulated 12-week history served by the emulator, the shipped bundle run once per week:
// every weekly metric equals the value computed by hand from how the weeks were seeded.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { addWeeks } from '../../src/core/iso-week';
import { startEmulator, type Emulator } from '../support/emulator';
import { ROOT, runBundle } from '../support/runner-harness';
import { readState, seedWeek, workspace } from './e2e-support';

const FIRST = '2026-W02';
const WEEKS = Array.from({ length: 12 }, (_, i) => addWeeks(FIRST, i));
const shape = (i: number) => ({
  agents: 2 + (i % 3),
  humans: 3,
  dependency: 1,
  ciFailures: i % 2 === 0 ? 1 : 0,
});

const bundleBuilt = existsSync(path.join(ROOT, 'dist', 'weekly-reflection', 'index.js'));
(bundleBuilt ? describe : describe.skip)(
  'weekly-reflection over a simulated 12-week history',
  () => {
    let emulator: Emulator;
    const snapshots: Record<string, { metrics: Record<string, number | null> }> = {};
    const outputs: Record<string, Record<string, string>> = {};

    beforeAll(async () => {
      emulator = await startEmulator({ owner: 'acme', repo: 'widgets' });
      emulator.store.addCollaborator('rita', 'write');
      WEEKS.forEach((week, i) => seedWeek(emulator, week, shape(i)));
      const ws = workspace();
      for (const week of WEEKS) {
        const run = await runBundle('weekly-reflection', {
          workspace: ws,
          emulator,
          inputs: { week },
          env: { TEND_SPACE_WRITES: 'false' },
        });
        if (run.exitCode !== 0)
          throw new Error(`run for ${week} failed:\n${run.stdout}\n${run.stderr}`);
        outputs[week] = run.outputs;
        snapshots[week] = readState(emulator, `weekly-reflection/history/${week}.json`) as {
          metrics: Record<string, number | null>;
        };
      }
    }, 240_000);

    afterAll(async () => emulator?.close());

    it.each(WEEKS.map((w, i) => [w, i]))(
      '%s: every metric equals its hand-computed value',
      (week, i) => {
        const { agents: a, humans: h } = shape(i as number);
        const quality = a + h; // merged PRs that are not dependency bumps
        const m = snapshots[week as string]!.metrics;
        expect(m['prs-opened']).toBe(a + h + 1);
        expect(m['prs-merged']).toBe(a + h + 1);
        expect(m['prs-closed-unmerged']).toBe(0);
        expect(m['prs-merged-agent']).toBe(a);
        expect(m['prs-merged-human']).toBe(h);
        expect(m['prs-merged-dependency-bot']).toBe(1);
        // one agent PR per week needs a second round; everything else is approved as submitted
        expect(m['first-submission-approval-rate']).toBeCloseTo((quality - 1) / quality, 10);
        expect(m['first-submission-approval-rate-agent']).toBeCloseTo((a - 1) / a, 10);
        expect(m['first-submission-approval-rate-human']).toBe(1);
        expect(m['rework-rate']).toBeCloseTo(1 / quality, 10);
        expect(m['rework-rate-agent']).toBeCloseTo(1 / a, 10);
        expect(m['review-rounds']).toBeCloseTo((quality + 1) / quality, 10);
        // 2 inline comments + 1 review body on the reworked PR
        expect(m['human-review-comments-per-pr']).toBeCloseTo(3 / quality, 10);
        expect(m['time-to-first-review-median-hours']).toBe(2);
        expect(m['time-to-first-review-p90-hours']).toBe(2);
        expect(m['time-to-merge-median-hours']).toBe(24);
        expect(m['ci-failure-rate']).toBeCloseTo((i as number) % 2 === 0 ? 1 / 3 : 0, 10);
        expect(m['ci-reruns']).toBe(1);
        expect(m['clarification-requests']).toBe(1);
        expect(outputs[week as string]!['first-submission-approval-rate']).toBe(
          String((quality - 1) / quality),
        );
      },
    );

    it('keeps one report issue per week and closes the previous one', () => {
      const reports = [...emulator.store.issues.values()].filter(
        (issue) => !issue.pull && /tend:weekly-reflection:report-/.test(issue.body ?? ''),
      );
      expect(reports).toHaveLength(12);
      expect(reports.filter((r) => r.state === 'open').map((r) => r.title)).toEqual([
        `tend weekly report: ${WEEKS[11]}`,
      ]);
    });

    it('reruns the same week 10 times into one issue with identical numbers', async () => {
      const week = WEEKS[11] as string;
      const ws = workspace();
      const first = readState(emulator, `weekly-reflection/history/${week}.json`) as {
        metrics: unknown;
      };
      const bodies = new Set<string>();
      for (let n = 0; n < 9; n++) {
        const run = await runBundle('weekly-reflection', {
          workspace: ws,
          emulator,
          inputs: { week },
          env: { TEND_SPACE_WRITES: 'false' },
        });
        expect(run.exitCode).toBe(0);
        expect(run.outputs).toEqual(outputs[week]);
        expect(
          (readState(emulator, `weekly-reflection/history/${week}.json`) as { metrics: unknown })
            .metrics,
        ).toEqual(first.metrics);
        bodies.add(emulator.store.issue(Number(run.outputs['report-issue']))!.body ?? '');
      }
      const reports = [...emulator.store.issues.values()].filter(
        (i) => !i.pull && (i.body ?? '').includes(`report-${week.toLowerCase()} -->`),
      );
      expect(reports).toHaveLength(1);
      expect(bodies.size).toBe(1);
    }, 240_000);

    it('shows the 8-week trend and charts in the last report, under the size limit', () => {
      const last = [...emulator.store.issues.values()].find(
        (i) => i.title === `tend weekly report: ${WEEKS[11]}`,
      )!;
      expect(last.body!.length).toBeLessThan(65_536);
      expect(last.body).toContain('```mermaid');
      expect(last.body).toMatch(/\| PRs merged \(agents\) \| \*\*\d+\*\* \| \d+ \|/);
    });
  },
);
