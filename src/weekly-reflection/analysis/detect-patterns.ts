// Patterns worth a proposal: a metric outside its normal band (on the worse side), and a
// recurring agent inefficiency. Each becomes a proposal in the Process Observation format,
// escalated when the impact is significant and the cause systemic, beyond tend's authority, or
// risky (see README: escalation).
import type { Proposal } from '../../core/types';
import type { DetectorKind, Inefficiency } from '../traces/detectors/inefficiency';
import { withGuidance, type InstructionFile } from './instruction-file';
import { checkBand, type BandCheck } from './metric-band';
import { directionOf, type MetricMap } from './weekly-snapshot';

export interface PatternInput {
  week: string;
  now: Date;
  metrics: MetricMap;
  /** Earlier weeks' metric maps, oldest first, with their week names. */
  history: { week: string; metrics: MetricMap }[];
  inefficiencies: Inefficiency[];
  instructionFile: InstructionFile;
  /** Keys of this action's proposals already recorded before this week (recurring = systemic). */
  knownKeys: Set<string>;
  /** PRs the PR-based metrics covered this week (for the impact criterion). */
  pullRequestsMeasured: number;
}

const LABELS: Record<string, string> = {
  'first-submission-approval-rate': 'first-submission approval rate',
  'first-submission-approval-rate-agent': 'first-submission approval rate of agent PRs',
  'rework-rate': 'rework rate',
  'rework-rate-agent': 'rework rate of agent PRs',
  'review-rounds': 'review rounds per PR',
  'human-review-comments-per-pr': 'human review comments per PR',
  'time-to-first-review-median-hours': 'median time to first review (hours)',
  'time-to-merge-median-hours': 'median time to merge (hours)',
  'ci-failure-rate': 'CI failure rate',
  'ci-reruns': 'CI re-runs',
  'clarification-requests': 'agent clarification requests',
  'agent-waste-share': 'share of agent tokens wasted',
};

const RATE = /rate|share/;

export function metricLabel(metric: string): string {
  if (LABELS[metric]) return LABELS[metric] as string;
  if (metric.startsWith('review-theme:'))
    return `review comments about ${metric.slice('review-theme:'.length)}`;
  if (metric.startsWith('inefficiency:'))
    return `${metric.slice('inefficiency:'.length)} inefficiencies`;
  if (metric.endsWith('-findings')) return `${metric.replace(/-findings$/, '')} findings`;
  return metric;
}

export function formatMetric(metric: string, value: number | null | undefined): string {
  if (value === null || value === undefined) return 'n/a';
  if (RATE.test(metric)) return `${(value * 100).toFixed(1)}%`;
  return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(2);
}

/** Fixes for agent-facing metrics go into the instruction file; the rest need a human decision. */
const METRIC_GUIDANCE: Record<
  string,
  { fix: string; lines: string[] } | { fix: string; lines?: undefined }
> = {
  'first-submission-approval-rate': {
    fix: 'Add a pre-submission checklist for agents to the instruction file: run the linters and tests, re-read the diff, and answer the most frequent review feedback before asking for review.',
    lines: [
      'Before opening or updating a pull request, run the linters and the tests that cover the change.',
      'Re-read the whole diff and address the review themes listed in this file before asking for review.',
    ],
  },
  'first-submission-approval-rate-agent': {
    fix: 'Add a pre-submission checklist for agents to the instruction file (tests, linters, diff re-read).',
    lines: [
      'Before opening or updating a pull request, run the linters and the tests that cover the change.',
      'Re-read the whole diff before asking for review.',
    ],
  },
  'rework-rate': {
    fix: 'Ask agents to confirm the expected behaviour and acceptance criteria before implementing, in the instruction file.',
    lines: [
      'Restate the acceptance criteria of the task in the pull request description before implementing.',
      'When the requirement is ambiguous, ask one precise question in the issue before writing code.',
    ],
  },
  'rework-rate-agent': {
    fix: 'Ask agents to restate acceptance criteria before implementing (instruction file).',
    lines: [
      'Restate the acceptance criteria of the task in the pull request description before implementing.',
    ],
  },
  'human-review-comments-per-pr': {
    fix: 'Turn the most frequent review feedback into instructions and checks (see review-miner themes); add the review checklist to the instruction file.',
    lines: ['Check the review themes recorded by tend (review-miner) before asking for review.'],
  },
  'review-rounds': {
    fix: 'Ask agents to answer every review comment in one push, with the tests run, in the instruction file.',
    lines: [
      'Address all open review comments in a single push and run the tests before re-requesting review.',
    ],
  },
  'time-to-first-review-median-hours': {
    fix: 'Set up automatic reviewer assignment (CODEOWNERS or a review rotation) so ready PRs get a reviewer the same day.',
  },
  'time-to-merge-median-hours': {
    fix: 'Look at where merged PRs waited (review, CI, merge queue) and agree on a review turnaround target.',
  },
  'ci-failure-rate': {
    fix: 'Quarantine the flakiest tests and make the agents run the failing job locally before pushing.',
  },
  'ci-reruns': {
    fix: 'Find the jobs re-run most often (flaky tests, network steps) and fix or quarantine them.',
  },
  'clarification-requests': {
    fix: 'Document the recurring unknowns the agents ask about in the instruction file.',
    lines: [
      'Look for answers in the repository documentation and this file before asking a question in a pull request.',
    ],
  },
};

const INEFFICIENCY_GUIDANCE: Record<DetectorKind, { title: string; fix: string; lines: string[] }> =
  {
    'retry-storm': {
      title: 'Agents retry the same failing command',
      fix: 'Tell agents to stop after two identical failures and read the error before changing approach.',
      lines: [
        'When a command fails twice with the same error, stop retrying it unchanged: read the error, then change the command or the code.',
      ],
    },
    'redundant-read': {
      title: 'Agents re-read files that did not change',
      fix: 'Tell agents to reuse what they already read and re-read a file only after it changed.',
      lines: ['Re-read a file only after it changed; reuse what you already read in this session.'],
    },
    'search-miss': {
      title: 'Agents search the code without finding what they look for',
      fix: 'Add a map of where things live (modules, entry points, naming) to the instruction file.',
      lines: [
        'Find files with `git ls-files` before searching their content; the main modules and their folders are listed in the README.',
      ],
    },
    'permission-error': {
      title: 'Agents try tools they are not allowed to use',
      fix: 'List the commands agents may not run, and allow the ones they need in the agent settings.',
      lines: [
        'Do not retry a command that was denied permission; note it in the pull request for a maintainer instead.',
      ],
    },
    timeout: {
      title: 'Agent tool calls time out',
      fix: 'Tell agents to run the narrowest test command (one file or one package) instead of the whole suite.',
      lines: [
        'Run the narrowest test command that covers the change (one file or package); the full suite is slow.',
      ],
    },
    'edit-revert': {
      title: 'Agents make edits and then undo them',
      fix: 'Ask agents to state the intended change before editing and to avoid speculative edits.',
      lines: [
        'State the intended change before editing; do not apply speculative edits you may have to revert.',
      ],
    },
  };

function guidanceFor(metric: string): { fix: string; lines?: string[] } | undefined {
  if (metric.startsWith('review-theme:')) {
    const theme = metric.slice('review-theme:'.length);
    return {
      fix: `Reviewers keep commenting on ${theme}: add it to the agent instructions so it is checked before review.`,
      lines: [
        `Reviewers keep asking about ${theme}: check the change for it before asking for review.`,
      ],
    };
  }
  return METRIC_GUIDANCE[metric];
}

function escalation(
  significant: boolean,
  systemic: boolean,
  authority: boolean,
  risk: boolean,
): { escalate?: boolean; escalationReasons?: string[] } {
  const reasons = [
    significant ? 'significant impact' : undefined,
    systemic ? 'systemic cause (detected in earlier weeks too)' : undefined,
    authority ? 'authority needed (no change tend can make on its own)' : undefined,
    risk ? 'risk (changes CI or permissions)' : undefined,
  ].filter((r): r is string => r !== undefined);
  return significant && (systemic || authority || risk)
    ? { escalate: true, escalationReasons: reasons }
    : {};
}

function metricProposal(
  check: BandCheck,
  input: PatternInput,
  direction: 'higher' | 'lower',
): Proposal {
  const label = metricLabel(check.metric);
  const key = `metric-${check.metric.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}`;
  const guidance = guidanceFor(check.metric);
  const recent = input.history
    .slice(-8)
    .map((h) => `${h.week}: ${formatMetric(check.metric, h.metrics[check.metric])}`);
  const relative = check.mean === 0 ? 1 : Math.abs(check.value - check.mean) / Math.abs(check.mean);
  const prBased =
    !check.metric.startsWith('inefficiency:') &&
    !check.metric.startsWith('agent-') &&
    !check.metric.endsWith('-findings');
  const significant =
    relative >= 0.25 && (!prBased || input.pullRequestsMeasured >= 3 || !RATE.test(check.metric));
  const changes = guidance?.lines
    ? [
        withGuidance(
          input.instructionFile,
          `weekly-reflection:${key}`,
          `Guidance: ${label}`,
          guidance.lines,
        ),
      ]
    : undefined;
  return {
    key,
    action: 'weekly-reflection',
    title: `${label[0]?.toUpperCase()}${label.slice(1)} ${direction === 'higher' ? 'fell below' : 'rose above'} its normal range`,
    pattern: `In ${input.week} the ${label} was ${formatMetric(check.metric, check.value)}, outside its normal range of ${formatMetric(check.metric, check.low)} to ${formatMetric(check.metric, check.high)} (mean ${formatMetric(check.metric, check.mean)} over the previous ${check.history} weeks).`,
    evidence: [
      `${input.week}: ${formatMetric(check.metric, check.value)} (this week)`,
      ...recent.reverse(),
      `First seen ${input.now.toISOString().slice(0, 10)}`,
    ],
    impact: `${Math.round(relative * 100)}% ${direction === 'higher' ? 'below' : 'above'} the usual level${prBased && input.pullRequestsMeasured ? ` across ${input.pullRequestsMeasured} pull requests this week` : ''}.`,
    fix:
      guidance?.fix ??
      `Investigate why the ${label} changed this week and agree on a corrective step.`,
    decision: changes
      ? `Accept to open a pull request adding this guidance to \`${input.instructionFile.path}\`, or reject if the change is expected.`
      : 'Decide whether this needs action, and who owns it.',
    ...(changes ? { changes } : {}),
    metric: { name: check.metric, better: direction },
    ...escalation(significant, input.knownKeys.has(key), !changes, false),
    status: 'proposed',
    detectedAt: input.now.toISOString(),
  };
}

function inefficiencyProposals(input: PatternInput): Proposal[] {
  const byKind = new Map<DetectorKind, Inefficiency[]>();
  for (const item of input.inefficiencies)
    byKind.set(item.kind, [...(byKind.get(item.kind) ?? []), item]);
  const out: Proposal[] = [];
  for (const [kind, items] of byKind) {
    const sessions = new Set(items.map((i) => `${i.session.file}#${i.session.sessionId}`));
    if (items.length < 2) continue;
    const g = INEFFICIENCY_GUIDANCE[kind];
    const key = `inefficiency-${kind}`;
    const wasted = items.reduce((s, i) => s + i.wastedTokens, 0);
    const risk = kind === 'permission-error';
    out.push({
      key,
      action: 'weekly-reflection',
      title: g.title,
      pattern: `${items.length} ${kind} inefficiencies in ${sessions.size} agent session${sessions.size === 1 ? '' : 's'} in ${input.week}, about ${wasted.toLocaleString('en-US')} tokens wasted.`,
      evidence: items.slice(0, 8).map((i) => `\`${i.session.file}\` line ${i.line}: ${i.message}`),
      impact: `About ${wasted.toLocaleString('en-US')} tokens spent for nothing across ${sessions.size} sessions.`,
      fix: g.fix,
      decision: `Accept to open a pull request adding this guidance to \`${input.instructionFile.path}\`, or reject.`,
      changes: [withGuidance(input.instructionFile, `weekly-reflection:${key}`, g.title, g.lines)],
      metric: { name: `inefficiency:${kind}`, better: 'lower' },
      ...escalation(sessions.size >= 3, input.knownKeys.has(key), false, risk),
      status: 'proposed',
      detectedAt: input.now.toISOString(),
    });
  }
  return out;
}

export function detectPatterns(input: PatternInput): Proposal[] {
  const proposals: Proposal[] = [];
  for (const [metric, value] of Object.entries(input.metrics)) {
    const direction = directionOf(metric);
    if (!direction || metric.startsWith('inefficiency:')) continue;
    const check = checkBand(
      metric,
      value,
      input.history.map((h) => h.metrics[metric]),
      direction,
    );
    if (check?.worse) proposals.push(metricProposal(check, input, direction));
  }
  proposals.push(...inefficiencyProposals(input));
  return proposals.sort((a, b) => a.key.localeCompare(b.key));
}
