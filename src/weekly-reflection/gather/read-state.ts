// What weekly-reflection reads from the state branch: the proposal registry, its own weekly
// snapshots, experiments, and what the other actions left (latest runs, review themes).
import { addWeeks } from '../../core/iso-week';
import { normaliseProposalsFile, PROPOSALS_FILE, type ProposalsFile } from '../../core/proposals';
import type { StateTransaction } from '../../core/state/state-store';
import { historyPath, latestPath, type LatestFile } from '../../core/state-files';
import type { ExperimentsFile } from '../analysis/experiments';
import type { OtherActionsSummary, WeeklySnapshot } from '../analysis/weekly-snapshot';

export const EXPERIMENTS_FILE = 'experiments.json';
export const OTHER_ACTIONS = ['doc-drift', 'dep-health', 'review-miner'] as const;

export interface StateView {
  registry: ProposalsFile;
  /** Snapshots of earlier weeks, oldest first. */
  history: WeeklySnapshot[];
  experiments: ExperimentsFile;
  others: OtherActionsSummary;
}

/** Theme counts a review-miner snapshot carries (`themeCounts`), or counted from its findings. */
export function themeCounts(snapshot: Record<string, unknown> | undefined): Record<string, number> {
  if (!snapshot) return {};
  const explicit = (snapshot.themeCounts ??
    (snapshot.extra as Record<string, unknown> | undefined)?.themeCounts) as
    Record<string, unknown> | undefined;
  if (explicit && typeof explicit === 'object') {
    return Object.fromEntries(
      Object.entries(explicit).filter(([, v]) => typeof v === 'number'),
    ) as Record<string, number>;
  }
  const counts: Record<string, number> = {};
  for (const f of (snapshot.findings as { theme?: unknown }[] | undefined) ?? []) {
    if (typeof f.theme === 'string') counts[f.theme] = (counts[f.theme] ?? 0) + 1;
  }
  return counts;
}

/**
 * Reads inside the run's one state transaction (one look at the branch for every file). The
 * weeks whose snapshots are read: the trend window, and enough for experiments.
 */
export function readStateView(
  state: Pick<StateTransaction, 'get' | 'list'>,
  week: string,
  weeksBack: number,
): StateView {
  const registry = normaliseProposalsFile(state.get(PROPOSALS_FILE));
  const listed = new Set(state.list('weekly-reflection/history/'));
  const history: WeeklySnapshot[] = [];
  for (let i = weeksBack; i >= 1; i--) {
    const w = addWeeks(week, -i);
    const path = historyPath('weekly-reflection', w);
    if (!listed.has(path)) continue;
    const snapshot = state.get<WeeklySnapshot>(path);
    if (snapshot?.metrics) history.push({ ...snapshot, week: w });
  }
  const experiments = state.get<ExperimentsFile>(EXPERIMENTS_FILE) ?? { experiments: {} };
  const others: OtherActionsSummary = { findings: {}, openProposals: {}, reviewThemes: {} };
  for (const action of OTHER_ACTIONS) {
    const latest = state.get<LatestFile>(latestPath(action));
    if (latest)
      others.findings[action] = Array.isArray(latest.findings) ? latest.findings.length : 0;
  }
  for (const p of Object.values(registry.proposals)) {
    if (p.action !== 'weekly-reflection' && (p.status === 'proposed' || p.status === 'deferred')) {
      others.openProposals[p.action] = (others.openProposals[p.action] ?? 0) + 1;
    }
  }
  const reviewMinerWeek = historyPath('review-miner', week);
  if (state.list('review-miner/history/').includes(reviewMinerWeek)) {
    others.reviewThemes = themeCounts(state.get<Record<string, unknown>>(reviewMinerWeek));
  }
  return {
    registry,
    history,
    experiments: { experiments: { ...(experiments.experiments ?? {}) } },
    others,
  };
}
