// What weekly-reflection reads from the state branch: the proposal registry, its own weekly
// snapshots, experiments, and what the other actions left (latest runs, review themes).
import { addWeeks } from '../../core/iso-week';
import { normaliseProposalsFile, PROPOSALS_FILE, type ProposalsFile } from '../../core/proposals';
import type { StateTransaction } from '../../core/state/state-store';
import { historyPath, latestPath, type LatestFile } from '../../core/state-files';
import type { ExperimentsFile } from '../analysis/experiments';
import type { OtherActionsSummary, WeeklySnapshot } from '../analysis/weekly-snapshot';
import { reviewThemeMetrics, reviewThemeReader } from './review-themes';

export { themeCounts } from './review-themes';

const THEME = 'review-theme:';

export const EXPERIMENTS_FILE = 'experiments.json';
export const OTHER_ACTIONS = ['doc-drift', 'dep-health', 'review-miner'] as const;

export interface StateView {
  registry: ProposalsFile;
  /** Snapshots of earlier weeks, oldest first. */
  history: WeeklySnapshot[];
  experiments: ExperimentsFile;
  others: OtherActionsSummary;
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
  // Review themes: read afresh for every week (review-miner adds late comments to the week
  // they were written in); a theme known from any week counts 0 in a week review-miner
  // observed without seeing it.
  const themes = reviewThemeReader(state);
  const counts = new Map<string, Record<string, number> | undefined>(
    [...history.map((s) => s.week), week].map((w) => [w, themes.week(w)]),
  );
  const known = new Set<string>();
  for (const s of history)
    for (const metric of Object.keys(s.metrics))
      if (metric.startsWith(THEME)) known.add(metric.slice(THEME.length));
  for (const p of Object.values(registry.proposals))
    if (p.metric?.name.startsWith(THEME)) known.add(p.metric.name.slice(THEME.length));
  for (const c of counts.values()) for (const theme of Object.keys(c ?? {})) known.add(theme);
  const refreshed = history.map((s) => {
    const fresh = counts.get(s.week);
    if (!fresh) return s;
    const metrics = Object.fromEntries(
      Object.entries(s.metrics).filter(([m]) => !m.startsWith(THEME)),
    );
    for (const [theme, n] of Object.entries(reviewThemeMetrics(fresh, known)))
      metrics[`${THEME}${theme}`] = n;
    return { ...s, metrics };
  });
  others.reviewThemes = reviewThemeMetrics(counts.get(week), known);
  return {
    registry,
    history: refreshed,
    experiments: { experiments: { ...(experiments.experiments ?? {}) } },
    others,
  };
}
