// The weekly report issue: controls first (the new proposals as a task list), the headline
// numbers against last week with the 8-week trend, Mermaid charts, earlier proposals and
// experiments, then the details folded. Kept under GitHub's 65,536-character limit whatever
// the repository's size: the folded lists shrink until the body fits.
import { renderProposal } from '../../core/proposals';
import type { Proposal } from '../../core/types';
import { formatMetric, metricLabel } from '../analysis/detect-patterns';
import type { Experiment } from '../analysis/experiments';
import type { WeeklySnapshot } from '../analysis/weekly-snapshot';
import type { SessionFigures } from '../traces/analyse-traces';
import type { Finding } from '../../core/types';
import { barChart, lineChart, sparkline } from './mermaid-charts';

export const BODY_LIMIT = 60_000;

export interface ReportInput {
  week: string;
  snapshot: WeeklySnapshot;
  /** Earlier snapshots, oldest first (up to the trend window). */
  history: WeeklySnapshot[];
  newProposals: Proposal[];
  earlierProposals: Proposal[];
  experiments: Experiment[];
  sessions: SessionFigures[];
  findings: Finding[];
  previousReport?: { number?: number; url?: string };
  notes: string[];
}

const HEADLINE = [
  'prs-merged',
  'prs-merged-agent',
  'prs-merged-human',
  'first-submission-approval-rate',
  'first-submission-approval-rate-agent',
  'rework-rate',
  'review-rounds',
  'human-review-comments-per-pr',
  'time-to-first-review-median-hours',
  'time-to-merge-median-hours',
  'ci-failure-rate',
  'ci-reruns',
  'clarification-requests',
  'escalations-opened',
  'agent-tokens',
  'agent-wasted-tokens',
];

const HEADLINE_LABELS: Record<string, string> = {
  'prs-merged': 'PRs merged',
  'prs-merged-agent': 'PRs merged (agents)',
  'prs-merged-human': 'PRs merged (humans)',
  'escalations-opened': 'escalations opened',
  'agent-tokens': 'agent tokens',
  'agent-wasted-tokens': 'agent tokens wasted',
};

function delta(
  metric: string,
  now: number | null | undefined,
  before: number | null | undefined,
): string {
  if (typeof now !== 'number' || typeof before !== 'number') return '';
  const d = now - before;
  if (d === 0) return '=';
  const sign = d > 0 ? '+' : '−';
  return /rate|share/.test(metric)
    ? `${sign}${(Math.abs(d) * 100).toFixed(1)} pts`
    : `${sign}${formatMetric('x', Math.abs(d))}`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function taskList(proposals: Proposal[]): string[] {
  if (proposals.length === 0) return ['_No new proposals this week._'];
  return proposals.map((p) => {
    const flag = p.escalate ? ' **(escalated)**' : '';
    const pr = p.changes?.length ? ' — accepting opens a pull request' : '';
    const done = p.status === 'accepted' || p.status === 'implemented';
    const status = p.status === 'proposed' ? '' : ` — ${p.status}`;
    return `- [${done ? 'x' : ' '}] \`${p.id ?? p.key}\` ${escapeCell(p.title)} (${p.action})${flag}${pr}${status}`;
  });
}

function headline(input: ReportInput): string[] {
  const weeks = [...input.history, input.snapshot];
  const last = input.history[input.history.length - 1];
  const rows = HEADLINE.filter((m) => weeks.some((w) => typeof w.metrics[m] === 'number')).map(
    (m) => {
      const label = HEADLINE_LABELS[m] ?? metricLabel(m);
      const spark = sparkline(
        weeks
          .slice(-8)
          .map((w) => (typeof w.metrics[m] === 'number' ? (w.metrics[m] as number) : null)),
      );
      return `| ${label} | **${formatMetric(m, input.snapshot.metrics[m])}** | ${formatMetric(m, last?.metrics[m])} | ${delta(m, input.snapshot.metrics[m], last?.metrics[m])} | ${spark} |`;
    },
  );
  if (rows.length === 0) return ['_No metrics could be measured this week._'];
  return [
    '| metric | this week | last week | change | 8-week trend |',
    '|---|---|---|---|---|',
    ...rows,
  ];
}

function charts(input: ReportInput): string[] {
  const weeks = [...input.history, input.snapshot].slice(-8);
  const names = weeks.map((w) => w.week);
  const series = (m: string) =>
    weeks.map((w) => (typeof w.metrics[m] === 'number' ? (w.metrics[m] as number) : null));
  const out = [
    lineChart(
      'First-submission approval and rework rate',
      names,
      [
        { name: 'first-submission approval', values: series('first-submission-approval-rate') },
        { name: 'rework', values: series('rework-rate') },
      ],
      'rate',
    ),
    barChart('Pull requests merged by agents', names, series('prs-merged-agent'), 'PRs'),
    barChart(
      'Human review comments per PR',
      names,
      series('human-review-comments-per-pr'),
      'comments',
    ),
    barChart('Agent tokens wasted', names, series('agent-wasted-tokens'), 'tokens'),
  ].filter((c): c is string => c !== undefined);
  return out.length
    ? [
        'Lines: first-submission approval rate (first), rework rate (second).',
        '',
        ...out.flatMap((c) => [c, '']),
      ]
    : [];
}

function proposalStatus(proposals: Proposal[]): string[] {
  if (proposals.length === 0) return ['_None._'];
  return [
    '| id | proposal | action | status |',
    '|---|---|---|---|',
    ...proposals.map(
      (p) => `| \`${p.id ?? p.key}\` | ${escapeCell(p.title)} | ${p.action} | ${p.status} |`,
    ),
  ];
}

function experimentRows(experiments: Experiment[]): string[] {
  if (experiments.length === 0) return ['_No implemented proposal to measure yet._'];
  const fmt = (e: Experiment, side: Experiment['before']) =>
    `${formatMetric(e.metric.name, side.mean)} (n=${side.values.length})`;
  return [
    '| proposal | metric | before | after | verdict |',
    '|---|---|---|---|---|',
    ...experiments.map(
      (e) =>
        `| \`${e.proposalId}\` ${escapeCell(e.title)} | ${e.metric.name} (${e.metric.better} is better) | ${fmt(e, e.before)} | ${fmt(e, e.after)} | ${e.verdict}${e.flaggedForRevert ? ' — **flagged for revert**' : ''} |`,
    ),
  ];
}

function sessionRows(sessions: SessionFigures[], limit: number): string[] {
  const rows = sessions
    .slice(0, limit)
    .map(
      (s) =>
        `| \`${escapeCell(s.file)}\` | ${s.format} | ${s.inputTokens + s.cacheReadTokens + s.cacheWriteTokens} | ${s.outputTokens} | ${s.costUsd ?? ''} | ${s.turns} | ${s.toolCalls} | ${s.wastedTokens} |`,
    );
  const more =
    sessions.length > limit ? [``, `_${sessions.length - limit} more sessions not listed._`] : [];
  return [
    '| trace | format | input (incl. cache) | output | cost USD | turns | tool calls | wasted |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    ...more,
  ];
}

function findingLines(findings: Finding[], limit: number): string[] {
  const lines = findings
    .slice(0, limit)
    .map(
      (f) =>
        `- **${f.kind}** \`${escapeCell(String(f.file))}\`:${f.line ?? ''} ${escapeCell(f.message)}`,
    );
  return findings.length > limit
    ? [...lines, `- _${findings.length - limit} more not listed._`]
    : lines;
}

function details(summary: string, body: string[]): string[] {
  return [`<details><summary>${summary}</summary>`, '', ...body, '', '</details>', ''];
}

function build(input: ReportInput, limit: number): string {
  const s = input.snapshot;
  const out: string[] = [
    `## New proposals — ${input.week}`,
    '',
    'Tick a box to accept a proposal (write access needed), or comment `/tend accept P-n`, `/tend reject P-n <reason>`, `/tend defer P-n`.',
    '',
    ...taskList(input.newProposals),
    '',
  ];
  out.push('## Headline', '', ...headline(input), '');
  if (input.previousReport?.url) out.push(`Last week's report: ${input.previousReport.url}`, '');
  out.push(...charts(input));
  out.push(
    '## Earlier proposals',
    '',
    ...proposalStatus(input.earlierProposals.slice(0, limit)),
    '',
  );
  out.push('## Experiments', '', ...experimentRows(input.experiments.slice(0, limit)), '');
  const ind = s.indicators;
  out.push(
    '## Indicators',
    '',
    `- North star (share of systemic issues tend found that were addressed): **${ind.northStar === null ? 'n/a' : `${(ind.northStar * 100).toFixed(1)}%`}** (${ind.addressed} of ${ind.systemicIssues})`,
    `- Proposals this week (listed under New proposals): ${ind.proposalsThisWeek}, escalated: ${ind.escalationsThisWeek ?? 0}; acceptance rate: ${ind.acceptanceRate === null ? 'n/a' : `${(ind.acceptanceRate * 100).toFixed(1)}%`} of ${ind.decided} decided; detection to proposal: ${ind.detectionToProposalDays === null ? 'n/a' : `${ind.detectionToProposalDays.toFixed(1)} days`} (median)`,
    '',
  );
  if (input.notes.length) out.push(...input.notes.map((n) => `> ${n}`), '');
  if (input.newProposals.length)
    out.push(
      ...details(
        `Proposals in full (${input.newProposals.length})`,
        input.newProposals
          .slice(0, limit)
          .map((p) => renderProposal(p, { level: 3, commands: false })),
      ),
    );
  const metricRows = Object.entries(s.metrics)
    .sort(([a], [b]) => a.localeCompare(b))
    .slice(0, limit * 4)
    .map(([k, v]) => `| ${k} | ${formatMetric(k, v)} |`);
  out.push(...details('All metrics this week', ['| metric | value |', '|---|---|', ...metricRows]));
  if (input.sessions.length)
    out.push(
      ...details(`Agent sessions (${input.sessions.length})`, sessionRows(input.sessions, limit)),
    );
  if (input.findings.length)
    out.push(
      ...details(
        `Agent inefficiencies (${input.findings.length})`,
        findingLines(input.findings, limit),
      ),
    );
  return out.join('\n');
}

/** Renders the report, shrinking the folded lists until it fits the body limit. */
export function renderReport(input: ReportInput): string {
  for (const limit of [200, 100, 50, 20, 10, 5, 2]) {
    const body = build(input, limit);
    if (body.length <= BODY_LIMIT) return body;
  }
  const body = build(input, 1);
  return body.length <= BODY_LIMIT
    ? body
    : `${body.slice(0, BODY_LIMIT - 40)}\n\n_Report cut to fit GitHub's limit._`;
}
