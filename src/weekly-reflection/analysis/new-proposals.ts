// Which proposals are "new" in the report for an ISO week (README: glossary, "proposals this
// week"). One definition, used by the report's task list and by the indicators:
// - a proposal another action first recorded during the week (its `detectedAt` inside it);
// - a proposal weekly-reflection first recorded in a run reporting on that week (its own
//   patterns are detected after the week ends, so their `detectedAt` falls in the next week).
// The ids are kept in the week's snapshot, so a rerun of the week lists the same proposals.
import type { ProposalsFile } from '../../core/proposals';
import { inWindow, type WeekWindow } from '../metrics/week-window';

export function newProposalIds(input: {
  window: WeekWindow;
  /** The registry before this run recorded its proposals. */
  before: ProposalsFile;
  /** The registry after. */
  after: ProposalsFile;
  /** Ids an earlier run for the same week found new (from its snapshot). */
  earlier?: readonly string[];
}): string[] {
  const ids = new Set(input.earlier ?? []);
  const known = new Set(Object.values(input.before.proposals).map((p) => p.id));
  const recorded = new Set(Object.values(input.after.proposals).map((p) => p.id));
  for (const p of Object.values(input.after.proposals)) {
    if (p.action === 'weekly-reflection') {
      if (!known.has(p.id)) ids.add(p.id);
    } else if (inWindow(input.window, p.detectedAt)) {
      ids.add(p.id);
    }
  }
  return [...ids]
    .filter((id) => recorded.has(id))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}
