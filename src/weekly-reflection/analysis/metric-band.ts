// Is this week's value outside the normal band of the previous weeks? The band is the mean of
// the earlier values plus or minus the larger of two standard deviations and 10% of the mean
// (so a perfectly flat history still tolerates small moves). At least 3 earlier weeks needed.
import { mean, standardDeviation } from '../metrics/statistics';

export const MIN_HISTORY = 3;

export interface BandCheck {
  metric: string;
  value: number;
  mean: number;
  low: number;
  high: number;
  history: number;
  /** Outside the band on the worse side. */
  worse: boolean;
  /** Outside the band on the better side. */
  better: boolean;
}

export function checkBand(
  metric: string,
  value: number | null | undefined,
  history: (number | null | undefined)[],
  direction: 'higher' | 'lower',
): BandCheck | undefined {
  if (value === null || value === undefined) return undefined;
  const values = history.filter((v): v is number => typeof v === 'number');
  if (values.length < MIN_HISTORY) return undefined;
  const m = mean(values) as number;
  const width = Math.max(2 * (standardDeviation(values) as number), 0.1 * Math.abs(m), 1e-9);
  const low = m - width;
  const high = m + width;
  const above = value > high;
  const below = value < low;
  return {
    metric,
    value,
    mean: m,
    low,
    high,
    history: values.length,
    worse: direction === 'lower' ? above : below,
    better: direction === 'lower' ? below : above,
  };
}
