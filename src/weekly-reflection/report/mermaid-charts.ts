// Mermaid charts GitHub renders in issues: weekly trends as xychart-beta line and bar charts.

export interface Series {
  name: string;
  values: (number | null)[];
}

function label(week: string): string {
  return `"${week.replace(/^\d{4}-/, '')}"`;
}

function clean(values: (number | null)[]): number[] {
  return values.map((v) => (v === null || !Number.isFinite(v) ? 0 : Math.round(v * 1000) / 1000));
}

/** A line chart of one or more series over weeks; undefined when there is nothing to draw. */
export function lineChart(
  title: string,
  weeks: string[],
  series: Series[],
  yLabel: string,
): string | undefined {
  const drawn = series.filter((s) => s.values.some((v) => v !== null));
  if (weeks.length < 2 || drawn.length === 0) return undefined;
  const max = Math.max(1e-9, ...drawn.flatMap((s) => clean(s.values)));
  return [
    '```mermaid',
    'xychart-beta',
    `  title "${title.replace(/"/g, "'")}"`,
    `  x-axis [${weeks.map(label).join(', ')}]`,
    `  y-axis "${yLabel}" 0 --> ${Math.ceil(max * 1.1 * 100) / 100}`,
    ...drawn.map((s) => `  line [${clean(s.values).join(', ')}]`),
    '```',
  ].join('\n');
}

export function barChart(
  title: string,
  weeks: string[],
  values: (number | null)[],
  yLabel: string,
): string | undefined {
  if (weeks.length < 2 || values.every((v) => v === null)) return undefined;
  const max = Math.max(1, ...clean(values));
  return [
    '```mermaid',
    'xychart-beta',
    `  title "${title.replace(/"/g, "'")}"`,
    `  x-axis [${weeks.map(label).join(', ')}]`,
    `  y-axis "${yLabel}" 0 --> ${Math.ceil(max * 1.1)}`,
    `  bar [${clean(values).join(', ')}]`,
    '```',
  ].join('\n');
}

const BLOCKS = '▁▂▃▄▅▆▇█';

/** A one-line sparkline of a series (missing weeks shown as a space). */
export function sparkline(values: (number | null)[]): string {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return '';
  const lo = Math.min(...present);
  const hi = Math.max(...present);
  return values
    .map((v) =>
      v === null
        ? ' '
        : BLOCKS[hi === lo ? 3 : Math.round(((v - lo) / (hi - lo)) * (BLOCKS.length - 1))],
    )
    .join('');
}
