// Ticking a proposal's checkbox in the report issue (`issues: edited`): a writer's tick accepts
// the proposal and opens its pull request; anyone else's is refused, politely, and undone.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startEmulator, type Emulator } from '../support/emulator';
import { ROOT, runBundle } from '../support/runner-harness';
import { readState, workspace, writeState } from './e2e-support';

const MARKER = '<!-- tend:weekly-reflection:report-2026-w10 -->';
const UNTICKED = `${MARKER}\n## New proposals\n\n- [ ] \`P-1\` Agents retry the same failing command (weekly-reflection)\n`;
const TICKED = UNTICKED.replace('- [ ] `P-1`', '- [x] `P-1`');

const bundleBuilt = existsSync(path.join(ROOT, 'dist', 'weekly-reflection', 'index.js'));
(bundleBuilt ? describe : describe.skip)('report checkboxes', () => {
  let emulator: Emulator;
  let reportNumber: number;
  const env = { TEND_SPACE_WRITES: 'false' };
  const status = () =>
    readState<{ proposals: Record<string, { status: string }> }>(emulator, 'proposals.json')!
      .proposals['weekly-reflection:inefficiency-retry-storm']!.status;
  const edit = (login: string) =>
    runBundle('weekly-reflection', {
      workspace: workspace(),
      emulator,
      eventName: 'issues',
      event: {
        action: 'edited',
        issue: { number: reportNumber, body: TICKED },
        changes: { body: { from: UNTICKED } },
        sender: { login },
        repository: { default_branch: 'main' },
      },
      env,
    });

  beforeAll(async () => {
    emulator = await startEmulator({ owner: 'acme', repo: 'widgets' });
    emulator.store.addCollaborator('mia', 'maintain');
    emulator.store.addUser('guest');
    emulator.store.commitFiles('main', { 'AGENTS.md': '# Agents\n' }, 'initial');
    reportNumber = emulator.store.addIssue({
      title: 'tend weekly report: 2026-W10',
      body: TICKED,
      author: 'github-actions[bot]',
    }).number;
    writeState(emulator, {
      'proposals.json': {
        nextId: 2,
        proposals: {
          'weekly-reflection:inefficiency-retry-storm': {
            key: 'inefficiency-retry-storm',
            id: 'P-1',
            action: 'weekly-reflection',
            title: 'Agents retry the same failing command',
            pattern: '3 retry storms',
            evidence: [],
            impact: 'tokens',
            fix: 'guidance',
            decision: 'accept or reject',
            changes: [
              { path: 'AGENTS.md', content: '# Agents\n\n- Stop after two identical failures.\n' },
            ],
            status: 'proposed',
            detectedAt: '2026-03-09T06:00:00.000Z',
            lastDetectedAt: '2026-03-09T06:00:00.000Z',
          },
        },
      },
    });
  }, 60_000);

  afterAll(async () => emulator?.close());

  it("refuses a non-writer's tick, says so, and unticks the box", async () => {
    const run = await edit('guest');
    expect(run.exitCode).toBe(0);
    expect(status()).toBe('proposed');
    const issue = emulator.store.issue(reportNumber)!;
    expect(issue.body).toBe(UNTICKED);
    expect(issue.comments.at(-1)!.body).toMatch(/Only people with write access/);
  }, 60_000);

  it("accepts a maintainer's tick and opens the proposal's pull request", async () => {
    const run = await edit('mia');
    expect(run.exitCode).toBe(0);
    expect(run.outputs.decisions).toBe('1');
    expect(status()).toBe('accepted');
    const pr = emulator.store
      .pullRequests()
      .find((i) => i.pull?.head.ref === 'tend/weekly-reflection/inefficiency-retry-storm');
    expect(pr?.title).toBe('P-1: Agents retry the same failing command');
  }, 60_000);
});
