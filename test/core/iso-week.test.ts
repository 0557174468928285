import {
  addWeeks,
  isoWeek,
  parseIsoWeek,
  previousWeeks,
  weekStart,
  weeksInYear,
} from '../../src/core/iso-week';

const utc = (text: string) => new Date(`${text}T00:00:00Z`);

describe('isoWeek', () => {
  it('names the week with a zero-padded number', () => {
    expect(isoWeek(utc('2026-11-23'))).toBe('2026-W48');
    expect(isoWeek(new Date('2026-11-29T23:59:59Z'))).toBe('2026-W48');
    expect(isoWeek(utc('2026-03-04'))).toBe('2026-W10');
  });

  it('puts the first days of January in the previous year when that week started in December', () => {
    expect(isoWeek(utc('2021-01-01'))).toBe('2020-W53');
    expect(isoWeek(utc('2021-01-03'))).toBe('2020-W53');
    expect(isoWeek(utc('2021-01-04'))).toBe('2021-W01');
    expect(isoWeek(utc('2027-01-01'))).toBe('2026-W53');
  });

  it('puts the last days of December in week 1 of the next year when that week holds its Thursday', () => {
    expect(isoWeek(utc('2026-01-01'))).toBe('2026-W01');
    expect(isoWeek(utc('2025-12-29'))).toBe('2026-W01');
    expect(isoWeek(utc('2024-12-30'))).toBe('2025-W01');
    expect(isoWeek(utc('2025-12-28'))).toBe('2025-W52');
  });

  it('uses UTC, not the local time zone', () => {
    expect(isoWeek(new Date('2026-01-04T23:30:00-05:00'))).toBe('2026-W02'); // Monday 04:30 UTC
  });

  it('agrees with weekStart for every day from 1999 to 2041', () => {
    const wrong: string[] = [];
    let previous = isoWeek(utc('1998-12-31'));
    for (let t = utc('1999-01-01').getTime(); t < utc('2041-01-01').getTime(); t += 86_400_000) {
      const day = new Date(t);
      const week = isoWeek(day);
      const start = weekStart(week).getTime();
      const monday = day.getUTCDay() === 1;
      const ok =
        start <= t &&
        t < start + 7 * 86_400_000 &&
        (monday
          ? week !== previous && addWeeks(previous, 1) === week && start === t
          : week === previous);
      if (!ok) wrong.push(`${day.toISOString().slice(0, 10)} -> ${week}`);
      previous = week;
    }
    expect(wrong).toEqual([]);
  });
});

describe('weekStart', () => {
  it('is the Monday at 00:00 UTC', () => {
    expect(weekStart('2026-W48').toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(weekStart('2020-W53').toISOString()).toBe('2020-12-28T00:00:00.000Z');
    expect(weekStart('2026-W01').toISOString()).toBe('2025-12-29T00:00:00.000Z');
  });

  it('refuses a week a year does not have and malformed names', () => {
    expect(() => weekStart('2021-W53')).toThrow(/2021 has 52 weeks/);
    expect(() => weekStart('2026-W00')).toThrow(RangeError);
    expect(() => weekStart('2026-48')).toThrow(/expected YYYY-Www/);
    expect(() => parseIsoWeek('2026-W5')).toThrow(RangeError);
  });

  it('knows which years have 53 weeks', () => {
    expect([2015, 2020, 2026, 2032].map(weeksInYear)).toEqual([53, 53, 53, 53]);
    expect([2019, 2021, 2024, 2025].map(weeksInYear)).toEqual([52, 52, 52, 52]);
  });
});

describe('previousWeeks', () => {
  it('lists the weeks before, oldest first, across a year boundary', () => {
    expect(previousWeeks('2026-W02', 3)).toEqual(['2025-W51', '2025-W52', '2026-W01']);
    expect(previousWeeks('2021-W02', 3)).toEqual(['2020-W52', '2020-W53', '2021-W01']);
  });

  it('returns nothing for n = 0 and refuses a negative n', () => {
    expect(previousWeeks('2026-W48', 0)).toEqual([]);
    expect(() => previousWeeks('2026-W48', -1)).toThrow(RangeError);
  });
});
