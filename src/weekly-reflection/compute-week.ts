// The week's measurements, patterns, lifecycle and experiments, computed inside the run's one
// state transaction from what was gathered (traces, GitHub) and what the state branch holds.
// Runs again from scratch when another writer moved the branch, so it only reads `tx`.
import {
  normaliseProposalsFile,
  PROPOSALS_FILE,
  recordProposals,
  type ProposalsFile,
} from '../core/proposals';
import { countFindings } from '../core/run-record';
import { historyPath, latestPath } from '../core/state-files';
import type { StateTransaction } from '../core/state/state-store';
import type { Finding, Proposal } from '../core/types';
import { detectPatterns } from './analysis/detect-patterns';
import { evaluateExperiments, type ExperimentsFile } from './analysis/experiments';
import { markImplemented } from './analysis/implemented-proposals';
import { computeIndicators } from './analysis/indicators';
import { newProposalIds } from './analysis/new-proposals';
import type { InstructionFile } from './analysis/instruction-file';
import { flattenMetrics, type MetricMap, type WeeklySnapshot } from './analysis/weekly-snapshot';
import type { GitHubData } from './gather/read-github';
import { EXPERIMENTS_FILE, readStateView } from './gather/read-state';
import type { WeeklyReflectionOptions } from './inputs';
import { ciMetrics } from './metrics/ci-metrics';
import { conversationMetrics } from './metrics/conversation-metrics';
import { pullRequestMetrics } from './metrics/pull-request-metrics';
import type { WeekWindow } from './metrics/week-window';
import type { TraceAnalysis } from './traces/analyse-traces';

export interface Gathered {
  window: WeekWindow;
  now: Date;
  options: WeeklyReflectionOptions;
  defaultBranch: string;
  traces?: TraceAnalysis;
  github: GitHubData;
  instructionFile: InstructionFile;
  partial: string[];
}

export interface WeekOutcome {
  proposals: Proposal[];
  registry: ProposalsFile;
  snapshot: WeeklySnapshot;
  trend: WeeklySnapshot[];
  experiments: ExperimentsFile;
  implemented: string[];
  findings: Finding[];
}

export function computeWeek(tx: StateTransaction, g: Gathered): WeekOutcome {
  const { window, now, options, github } = g;
  const week = window.week;
  const lists = { agents: options.agentAuthors, dependencyBots: options.dependencyBots };
  const view = readStateView(
    tx,
    week,
    Math.max(options.trendWeeks, 2 * options.experimentWeeks + 2),
  );

  const pullRequests = github.pulls ? pullRequestMetrics(github.pulls, window, lists) : null;
  const ci = github.runs ? ciMetrics(github.runs, window, g.defaultBranch) : null;
  const conversation =
    github.pulls && github.issues
      ? conversationMetrics(github.pulls, github.issues, window, lists)
      : null;
  const metrics: MetricMap = flattenMetrics({
    pullRequests,
    ci,
    conversation,
    traces: g.traces?.totals ?? null,
    others: view.others,
  });
  const trend = view.history.slice(-options.trendWeeks);

  const { registry: lifecycle, implemented } = markImplemented(
    normaliseProposalsFile(tx.get(PROPOSALS_FILE)),
    github.pulls ?? [],
  );
  // Recurring = recorded by a run for an earlier week; a rerun of this week does not make its
  // own proposals recurring.
  const previousRun = tx.get<WeeklySnapshot>(historyPath('weekly-reflection', week));
  const thisWeeks = new Set(previousRun?.newProposals ?? []);
  const knownKeys = new Set(
    Object.values(lifecycle.proposals)
      .filter((p) => p.action === 'weekly-reflection' && !thisWeeks.has(p.id))
      .map((p) => p.key),
  );
  const detected = detectPatterns({
    week,
    now,
    metrics,
    history: trend.map((s) => ({ week: s.week, metrics: s.metrics })),
    inefficiencies: g.traces?.inefficiencies ?? [],
    instructionFile: g.instructionFile,
    knownKeys,
    pullRequestsMeasured: pullRequests?.firstSubmissionApproval.of ?? 0,
  });
  const merged = recordProposals(lifecycle, 'weekly-reflection', detected, now, {
    withdrawMissing: g.partial.length === 0,
  });
  tx.set(PROPOSALS_FILE, merged.file);
  const newIds = newProposalIds({
    window,
    before: lifecycle,
    after: merged.file,
    ...(previousRun?.newProposals ? { earlier: previousRun.newProposals } : {}),
  });

  const byWeek = new Map<string, MetricMap>(view.history.map((s) => [s.week, s.metrics]));
  byWeek.set(week, metrics);
  const experiments: ExperimentsFile = { experiments: { ...view.experiments.experiments } };
  for (const e of evaluateExperiments(merged.file, byWeek, week, options.experimentWeeks, now)) {
    const previous = experiments.experiments[e.proposalId];
    const same =
      previous &&
      JSON.stringify({ ...previous, updatedAt: '' }) === JSON.stringify({ ...e, updatedAt: '' });
    experiments.experiments[e.proposalId] = same ? previous : e;
  }
  tx.set(EXPERIMENTS_FILE, experiments);

  const findings = g.traces?.findings ?? [];
  const snapshot: WeeklySnapshot = {
    week,
    runAt: now.toISOString(),
    counts: countFindings(findings),
    metrics,
    pullRequests,
    ci,
    conversation,
    traces: g.traces?.totals ?? null,
    others: view.others,
    indicators: computeIndicators(merged.file, newIds),
    newProposals: newIds,
    partial: g.partial,
  };
  tx.set(historyPath('weekly-reflection', week), snapshot);
  tx.set(latestPath('weekly-reflection'), {
    runAt: now.toISOString(),
    week,
    findings,
    proposals: merged.proposals,
    outputs: {},
    partial: g.partial,
    sessions: g.traces?.sessions ?? [],
  });
  return {
    proposals: merged.proposals,
    registry: merged.file,
    snapshot,
    trend,
    experiments,
    implemented,
    findings,
  };
}
