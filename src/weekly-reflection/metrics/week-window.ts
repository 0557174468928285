// The ISO week a report covers, as a half-open time window [start, end).
import { addWeeks, isoWeek, weekStart } from '../../core/iso-week';

export interface WeekWindow {
  week: string;
  /** Monday 00:00 UTC, ISO string. */
  start: string;
  /** The next Monday 00:00 UTC (excluded). */
  end: string;
}

export function weekWindow(week: string): WeekWindow {
  return {
    week,
    start: weekStart(week).toISOString(),
    end: weekStart(addWeeks(week, 1)).toISOString(),
  };
}

/** The last complete ISO week before `now`. */
export function lastCompleteWeek(now: Date): string {
  return addWeeks(isoWeek(now), -1);
}

export function inWindow(window: WeekWindow, at: string | undefined): boolean {
  if (!at) return false;
  const t = new Date(at).getTime();
  return t >= new Date(window.start).getTime() && t < new Date(window.end).getTime();
}
