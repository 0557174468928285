// ISO 8601 weeks (`2026-W48`) in UTC: weeks start on Monday, and week 1 is the week that
// holds the year's first Thursday, so early January can belong to the previous year's last
// week and late December to the next year's week 1.

const DAY = 86_400_000;
const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** The ISO week of a date (UTC), e.g. `2026-W48`. */
export function isoWeek(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('isoWeek: invalid date');
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  // Monday = 1 ... Sunday = 7; the week's Thursday decides its year.
  const weekday = day.getUTCDay() || 7;
  const thursday = new Date(day.getTime() + (4 - weekday) * DAY);
  const year = thursday.getUTCFullYear();
  const yearStart = Date.UTC(year, 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / DAY / 7) + 1;
  return `${pad(year, 4)}-W${pad(week, 2)}`;
}

/** Monday 00:00 UTC of week 1 of an ISO year. */
function firstMonday(year: number): number {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const weekday = jan4.getUTCDay() || 7;
  return jan4.getTime() - (weekday - 1) * DAY;
}

/** How many ISO weeks a year has (52 or 53). */
export function weeksInYear(year: number): number {
  return Math.round((firstMonday(year + 1) - firstMonday(year)) / (7 * DAY));
}

/** Parses `2026-W48`; throws RangeError for anything else (including week 53 of a 52-week year). */
export function parseIsoWeek(week: string): { year: number; week: number } {
  const match = WEEK_PATTERN.exec(week);
  if (!match)
    throw new RangeError(
      `not an ISO week: ${JSON.stringify(week)} (expected YYYY-Www, e.g. 2026-W48)`,
    );
  const year = Number(match[1]);
  const n = Number(match[2]);
  if (n < 1 || n > weeksInYear(year)) {
    throw new RangeError(`not an ISO week: ${week} (${year} has ${weeksInYear(year)} weeks)`);
  }
  return { year, week: n };
}

/** Monday 00:00 UTC of an ISO week. */
export function weekStart(week: string): Date {
  const parsed = parseIsoWeek(week);
  return new Date(firstMonday(parsed.year) + (parsed.week - 1) * 7 * DAY);
}

/** The week `offset` weeks after (negative: before) `week`. */
export function addWeeks(week: string, offset: number): string {
  return isoWeek(new Date(weekStart(week).getTime() + offset * 7 * DAY));
}

/**
 * The `n` weeks just before `week`, oldest first (`week` itself excluded):
 * `previousWeeks('2026-W02', 3)` is `['2025-W51', '2025-W52', '2026-W01']`.
 */
export function previousWeeks(week: string, n: number): string[] {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`previousWeeks: n must be a whole number >= 0, got ${n}`);
  const weeks: string[] = [];
  for (let i = n; i >= 1; i -= 1) weeks.push(addWeeks(week, -i));
  return weeks;
}
