import { emptyProposalsFile, recordProposals } from '../../src/core/proposals';
import type { Proposal } from '../../src/core/types';
import { checkBand } from '../../src/weekly-reflection/analysis/metric-band';
import { evaluateExperiments, judge } from '../../src/weekly-reflection/analysis/experiments';
import { computeIndicators } from '../../src/weekly-reflection/analysis/indicators';
import { newProposalIds } from '../../src/weekly-reflection/analysis/new-proposals';
import { detectPatterns } from '../../src/weekly-reflection/analysis/detect-patterns';
import { withGuidance } from '../../src/weekly-reflection/analysis/instruction-file';
import { weekWindow } from '../../src/weekly-reflection/metrics/week-window';
import { renderReport, BODY_LIMIT } from '../../src/weekly-reflection/report/render-report';
import { decisionsOf } from '../../src/weekly-reflection/validate/handle-decision-event';
import { newlyTicked, parseCommands } from '../../src/weekly-reflection/validate/parse-decisions';
import type { WeeklySnapshot } from '../../src/weekly-reflection/analysis/weekly-snapshot';

const NOW = new Date('2026-03-10T08:00:00Z');

function proposal(key: string, fields: Partial<Proposal> = {}): Proposal {
  return {
    key,
    action: 'weekly-reflection',
    title: `Title ${key}`,
    pattern: 'p',
    evidence: [],
    impact: 'i',
    fix: 'f',
    decision: 'd',
    status: 'proposed',
    detectedAt: NOW.toISOString(),
    ...fields,
  };
}

describe('decision commands', () => {
  it('reads accept, reject with a reason and defer, ignoring quotes and code', () => {
    expect(
      parseCommands(
        '/tend accept P-3\n> /tend reject P-4\n```\n/tend defer P-5\n```\n/tend reject p-6 too broad for now\n/tend defer P-7',
      ),
    ).toEqual([
      { verb: 'accept', id: 'P-3' },
      { verb: 'reject', id: 'P-6', reason: 'too broad for now' },
      { verb: 'defer', id: 'P-7' },
    ]);
  });

  it('sees only checkboxes that went from unticked to ticked', () => {
    const before = '- [ ] `P-1` a\n- [x] `P-2` b\n- [ ] `P-3` c';
    const after = '- [x] `P-1` a\n- [x] `P-2` b\n- [ ] `P-3` c';
    expect(newlyTicked(before, after)).toEqual(['P-1']);
  });

  it('takes checkbox decisions only from the report issue', () => {
    const payload = (body: string) => ({
      action: 'edited',
      issue: { number: 1, body },
      changes: { body: { from: '- [ ] `P-1` a' } },
      sender: { login: 'rita' },
    });
    expect(
      decisionsOf(
        'issues',
        payload('<!-- tend:weekly-reflection:report-2026-w10 -->\n- [x] `P-1` a'),
      ).decisions,
    ).toEqual([{ verb: 'accept', id: 'P-1' }]);
    expect(decisionsOf('issues', payload('- [x] `P-1` a')).decisions).toEqual([]);
  });
});

describe('normal band', () => {
  it('flags a value outside mean ± max(2σ, 10%) on the worse side only', () => {
    expect(checkBand('rework-rate', 0.5, [0.2, 0.2, 0.2], 'lower')).toMatchObject({
      worse: true,
      better: false,
    });
    expect(checkBand('rework-rate', 0.21, [0.2, 0.2, 0.2], 'lower')).toMatchObject({
      worse: false,
      better: false,
    });
    expect(
      checkBand('first-submission-approval-rate', 0.5, [0.8, 0.8, 0.8], 'higher'),
    ).toMatchObject({ worse: true });
    expect(checkBand('rework-rate', 0.5, [0.2, 0.2], 'lower')).toBeUndefined();
  });
});

describe('experiments', () => {
  it('judges helped, hurt and no clear change', () => {
    expect(judge([6, 5, 7], [1, 0, 1], 'lower')).toBe('helped');
    expect(judge([6, 5, 7], [9, 10, 11], 'lower')).toBe('hurt');
    expect(judge([6, 5, 7], [6, 6, 5], 'lower')).toBe('no clear change');
    expect(judge([0.5, 0.6, 0.55], [0.8, 0.85, 0.9], 'higher')).toBe('helped');
  });

  it('waits for enough weeks on each side, then records sample sizes and flags a hurt fix for revert', () => {
    const recorded = recordProposals(
      emptyProposalsFile(),
      'weekly-reflection',
      [proposal('k', { metric: { name: 'rework-rate', better: 'lower' } })],
      NOW,
    ).file;
    const entry = Object.values(recorded.proposals)[0]!;
    entry.status = 'implemented';
    entry.history = [
      ...(entry.history ?? []),
      { status: 'implemented', at: '2026-03-04T12:00:00Z', by: 'tend' },
    ];
    const byWeek = new Map<string, Record<string, number | null>>([
      ['2026-W07', { 'rework-rate': 0.1 }],
      ['2026-W08', { 'rework-rate': 0.1 }],
      ['2026-W09', { 'rework-rate': 0.12 }],
      ['2026-W11', { 'rework-rate': 0.4 }],
      ['2026-W12', { 'rework-rate': 0.5 }],
    ]);
    expect(evaluateExperiments(recorded, byWeek, '2026-W12', 3, NOW)[0]!.verdict).toBe('waiting');
    byWeek.set('2026-W13', { 'rework-rate': 0.45 });
    const [e] = evaluateExperiments(recorded, byWeek, '2026-W13', 3, NOW);
    expect(e).toMatchObject({
      implementedWeek: '2026-W10',
      verdict: 'hurt',
      flaggedForRevert: true,
    });
    expect(e!.before.values).toEqual([0.1, 0.1, 0.12]);
    expect(e!.after.weeks).toEqual(['2026-W11', '2026-W12', '2026-W13']);
  });
});

describe('indicators', () => {
  it('computes the north star as implemented over systemic (not rejected, not withdrawn) proposals', () => {
    const file = recordProposals(
      emptyProposalsFile(),
      'weekly-reflection',
      ['a', 'b', 'c', 'd', 'e'].map((k) => proposal(k)),
      NOW,
    ).file;
    const list = Object.values(file.proposals);
    list[0]!.status = 'implemented';
    list[1]!.status = 'rejected';
    list[1]!.history!.push({ status: 'rejected', at: NOW.toISOString(), by: 'rita' });
    list[2]!.status = 'withdrawn';
    list[3]!.status = 'accepted';
    list[3]!.history!.push({ status: 'accepted', at: NOW.toISOString(), by: 'rita' });
    const ind = computeIndicators(
      file,
      newProposalIds({ window: weekWindow('2026-W11'), before: emptyProposalsFile(), after: file }),
    );
    expect(ind.northStar).toBeCloseTo(1 / 3, 10); // a implemented; a, d, e systemic
    expect(ind.acceptanceRate).toBeCloseTo(2 / 3, 10); // a (implemented), d accepted; b rejected
    expect(ind.proposalsThisWeek).toBe(5);
  });
});

describe('patterns', () => {
  it('proposes an instruction-file change for a metric gone bad and escalates a recurring one', () => {
    const history = ['2026-W07', '2026-W08', '2026-W09'].map((week) => ({
      week,
      metrics: { 'rework-rate': 0.1 },
    }));
    const input = {
      week: '2026-W10',
      now: NOW,
      metrics: { 'rework-rate': 0.4 },
      history,
      inefficiencies: [],
      instructionFile: { path: 'AGENTS.md', content: '# Agents\n' },
      knownKeys: new Set<string>(),
      pullRequestsMeasured: 10,
    };
    const [first] = detectPatterns(input);
    expect(first).toMatchObject({
      key: 'metric-rework-rate',
      metric: { name: 'rework-rate', better: 'lower' },
    });
    expect(first!.changes![0]!.path).toBe('AGENTS.md');
    expect(first!.escalate).toBeUndefined();
    const [again] = detectPatterns({ ...input, knownKeys: new Set(['metric-rework-rate']) });
    expect(again!.escalate).toBe(true);
  });

  it('replaces its own block in the instruction file on a rerun', () => {
    const once = withGuidance({ path: 'AGENTS.md', content: '# A\n' }, 'k', 'H', ['one']);
    const twice = withGuidance({ path: 'AGENTS.md', content: once.content! }, 'k', 'H', ['two']);
    expect(twice.content).toBe('# A\n\n<!-- tend:k -->\n## H\n\n- two\n<!-- /tend:k -->\n');
  });
});

function snapshotOf(week: string): WeeklySnapshot {
  return {
    week,
    runAt: NOW.toISOString(),
    counts: { byKind: {}, bySeverity: { error: 0, warning: 0, notice: 0 }, total: 0 },
    metrics: {},
    pullRequests: null,
    ci: null,
    conversation: null,
    traces: null,
    others: { findings: {}, openProposals: {}, reviewThemes: {} },
    indicators: {
      proposalsThisWeek: 50,
      acceptanceRate: null,
      decided: 0,
      detectionToProposalDays: null,
      northStar: null,
      systemicIssues: 0,
      addressed: 0,
    },
    partial: [],
  };
}

describe('report', () => {
  const snapshot = (week: string, value: number): WeeklySnapshot => ({
    week,
    runAt: NOW.toISOString(),
    counts: { byKind: {}, bySeverity: { error: 0, warning: 0, notice: 0 }, total: 0 },
    metrics: { 'prs-merged': value, 'first-submission-approval-rate': 0.5, 'rework-rate': 0.2 },
    pullRequests: null,
    ci: null,
    conversation: null,
    traces: null,
    others: { findings: {}, openProposals: {}, reviewThemes: {} },
    indicators: {
      proposalsThisWeek: 0,
      acceptanceRate: null,
      decided: 0,
      detectionToProposalDays: null,
      northStar: null,
      systemicIssues: 0,
      addressed: 0,
    },
    partial: [],
  });

  it('puts the new proposals as a task list with their ids, and stays under the limit with huge details', () => {
    const findings = Array.from({ length: 5000 }, (_, i) => ({
      id: i,
      kind: 'redundant-read',
      severity: 'notice' as const,
      file: `traces/session-${i}.jsonl`,
      line: i + 1,
      message: 'x'.repeat(200),
      evidence: [],
    }));
    const body = renderReport({
      week: '2026-W10',
      snapshot: snapshot('2026-W10', 9),
      history: [snapshot('2026-W08', 5), snapshot('2026-W09', 7)],
      newProposals: [proposal('a', { id: 'P-1' }), proposal('b', { id: 'P-2', escalate: true })],
      earlierProposals: [],
      experiments: [],
      sessions: [],
      findings,
      notes: [],
    });
    expect(body.length).toBeLessThanOrEqual(BODY_LIMIT);
    expect(body).toContain('- [ ] `P-1` Title a (weekly-reflection)');
    expect(body).toContain('- [ ] `P-2` Title b (weekly-reflection) **(escalated)**');
    expect(body).toMatch(/\| PRs merged \| \*\*9\*\* \| 7 \| \+2 \|/);
    expect(body).toContain('```mermaid');
    expect(body.indexOf('New proposals')).toBeLessThan(body.indexOf('Headline'));
  });
});

describe('proposals new in a week', () => {
  const week = weekWindow('2026-W11');
  const during = new Date('2026-03-11T12:00:00Z'); // inside 2026-W11
  const after = new Date('2026-03-16T06:00:00Z'); // Monday of 2026-W12, when W11 is reported

  it("counts another action's proposals recorded during the week and weekly-reflection's recorded by the week's run", () => {
    const fromOthers = recordProposals(
      emptyProposalsFile(),
      'review-miner',
      [proposal('theme-naming', { action: 'review-miner' })],
      during,
    ).file;
    const nextWeek = recordProposals(
      fromOthers,
      'doc-drift',
      [proposal('drift', { action: 'doc-drift' })],
      after,
    ).file;
    const mine = recordProposals(nextWeek, 'weekly-reflection', [proposal('metric-x')], after).file;
    const ids = newProposalIds({ window: week, before: nextWeek, after: mine });
    const keyOf = (id: string) => Object.values(mine.proposals).find((p) => p.id === id)!.key;
    const keys = ids.map(keyOf).sort();
    expect(keys).toEqual(['metric-x', 'theme-naming']);
    expect(computeIndicators(mine, ids).proposalsThisWeek).toBe(2);
    // The doc-drift proposal recorded in W12 is new in W12's report, not W11's.
    const w12 = newProposalIds({ window: weekWindow('2026-W12'), before: mine, after: mine });
    expect(w12.map(keyOf)).toEqual(['drift']);
  });

  it('keeps the ids an earlier run of the same week found new, so a rerun lists the same ones', () => {
    const first = recordProposals(
      emptyProposalsFile(),
      'weekly-reflection',
      [proposal('m')],
      after,
    ).file;
    const ids = newProposalIds({ window: week, before: emptyProposalsFile(), after: first });
    const rerun = newProposalIds({ window: week, before: first, after: first, earlier: ids });
    expect(rerun).toEqual(ids);
    expect(ids).toHaveLength(1);
  });

  it('counts escalated new proposals as the escalation frequency', () => {
    const file = recordProposals(
      emptyProposalsFile(),
      'weekly-reflection',
      [proposal('a', { escalate: true }), proposal('b')],
      after,
    ).file;
    const ids = Object.values(file.proposals).map((p) => p.id);
    expect(computeIndicators(file, ids)).toMatchObject({
      proposalsThisWeek: 2,
      escalationsThisWeek: 1,
    });
  });
});

describe('report size', () => {
  it('stays under 65,536 characters with 1,000 pull requests, 50 long proposals and 1,000 sessions, keeping every task-list line', () => {
    const long = (n: number) => `${'word '.repeat(n)}`.trim();
    const proposals = Array.from({ length: 50 }, (_, i) =>
      proposal(`metric-${i}`, {
        id: `P-${i + 1}`,
        title: `Proposal ${i + 1} ${long(12)}`,
        pattern: long(300),
        evidence: Array.from(
          { length: 8 },
          (_, k) => `https://github.com/acme/widgets/pull/${k + 1} ${long(20)}`,
        ),
        impact: long(80),
        fix: long(120),
        escalate: i % 5 === 0,
      }),
    );
    const metrics: Record<string, number> = { 'prs-opened': 1000, 'prs-merged': 1000 };
    for (let t = 0; t < 300; t++) metrics[`review-theme:theme-${t}`] = t;
    const snap = { ...snapshotOf('2026-W10'), metrics };
    const sessions = Array.from({ length: 1000 }, (_, i) => ({
      file: `traces/run-${i}/session-${i}.jsonl`,
      format: 'claude-code-session',
      sessionId: `s-${i}`,
      inputTokens: 1000,
      outputTokens: 100,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      turns: 10,
      toolCalls: 20,
      wastedTokens: 5,
    }));
    const body = renderReport({
      week: '2026-W10',
      snapshot: snap,
      history: Array.from({ length: 8 }, (_, i) => ({ ...snap, week: `2026-W0${i + 1}` })),
      newProposals: proposals,
      earlierProposals: proposals.map((p, i) => ({ ...p, id: `P-${100 + i}` })),
      experiments: [],
      sessions: sessions as never,
      findings: [],
      notes: [],
    });
    expect(body.length).toBeLessThan(65_536);
    for (const p of proposals) expect(body).toContain(`- [ ] \`${p.id}\``);
  });
});
