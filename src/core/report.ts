// Markdown building blocks for issue bodies, PR bodies and step summaries. Plain strings are
// treated as untrusted text and escaped (no @-mention pings, no closing keywords, no
// Markdown or HTML); tend's own Markdown is wrapped with `md()` (or built by `link`, `code`,
// `fileLink`) and passes through.
import type { RepoRef, RunContext } from './context';
import { escapeMarkdownInline, quoteUserText, type QuoteOptions } from './publish/neutralise';

/** Markdown tend wrote itself: inserted as is. */
export class Markdown {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export function md(text: string): Markdown {
  return new Markdown(text);
}

/** Inline content: a plain string (escaped), a number, or tend's Markdown. */
export type Inline = string | number | Markdown;

/** One line of inline Markdown; plain text escaped, Markdown kept on one line. */
export function inline(value: Inline): string {
  if (value instanceof Markdown) return value.text.replace(/\s*\n\s*/g, ' ');
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '—';
  return escapeMarkdownInline(value);
}

/** Quotes user-written text as a block (see quoteUserText). */
export function quote(text: string, options?: QuoteOptions): Markdown {
  return md(quoteUserText(text, options));
}

export function heading(level: number, title: Inline): string {
  const depth = Math.min(Math.max(Math.trunc(level), 1), 6);
  return `${'#'.repeat(depth)} ${inline(title)}\n`;
}

/** An inline code span that holds any text (the fence outgrows the backticks inside). */
export function code(text: string): Markdown {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return md(`${fence}${pad}${flat}${pad}${fence}`);
}

/** A link to an http(s) URL; anything else is shown as plain text. */
export function link(label: Inline, url: string): Markdown {
  if (!/^https?:\/\//i.test(url)) return md(inline(label));
  const safe = url.replace(/[\s()<>]/g, (c) =>
    c === '(' ? '%28' : c === ')' ? '%29' : encodeURIComponent(c),
  );
  return md(`[${inline(label)}](${safe})`);
}

/** Where links to repository files point. */
export interface LinkTarget {
  serverUrl: string;
  /** Absent offline: file references are then plain paths. */
  repo?: RepoRef;
  /** Commit sha (a permalink) or branch name. */
  ref?: string;
}

/** Links of a run: the given commit, else the default branch. */
export function linkTarget(
  ctx: Pick<RunContext, 'serverUrl' | 'repo' | 'defaultBranch'>,
  sha?: string,
): LinkTarget {
  return { serverUrl: ctx.serverUrl, repo: ctx.repo, ref: sha ?? ctx.defaultBranch };
}

// GitHub renders these; only the plain view has line anchors.
const RENDERED = /\.(md|markdown|mdx|rst|adoc|asciidoc|org|textile|rdoc|ipynb|svg)$/i;

/** URL of a file (and line range) on GitHub, or undefined offline. */
export function fileUrl(
  target: LinkTarget,
  path: string,
  line?: number,
  endLine?: number,
): string | undefined {
  if (!target.repo || !target.ref) return undefined;
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  const base = `${target.serverUrl.replace(/\/+$/, '')}/${target.repo.owner}/${target.repo.repo}/blob/${encodeURIComponent(target.ref)}/${encoded}`;
  if (line === undefined) return base;
  const plain = RENDERED.test(path) ? '?plain=1' : '';
  const range = endLine !== undefined && endLine > line ? `#L${line}-L${endLine}` : `#L${line}`;
  return `${base}${plain}${range}`;
}

/** `path:line` as a link on GitHub, or as a code span offline. */
export function fileLink(
  target: LinkTarget,
  path: string,
  line?: number,
  endLine?: number,
): Markdown {
  const label = code(line === undefined ? path : `${path}:${line}`);
  const url = fileUrl(target, path, line, endLine);
  return url === undefined ? label : md(`[${label.text}](${url})`);
}

export interface TableOptions {
  align?: ('left' | 'center' | 'right')[];
  /** Shown instead of the table when there are no rows. */
  empty?: Inline;
}

function cell(value: Inline): string {
  return inline(value).replace(/(?<!\\)\|/g, '\\|');
}

/** A GitHub table; every cell stays on one line and cannot break the table. */
export function table(headers: Inline[], rows: Inline[][], options: TableOptions = {}): string {
  if (rows.length === 0 && options.empty !== undefined) return `${inline(options.empty)}\n`;
  const rule = headers.map((_, i) => {
    const align = options.align?.[i];
    return align === 'right' ? '---:' : align === 'center' ? ':---:' : '---';
  });
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const body = rows.map((row) =>
    line(headers.map((_, i) => (row[i] === undefined ? '' : cell(row[i] as Inline)))),
  );
  return `${[line(headers.map(cell)), line(rule), ...body].join('\n')}\n`;
}

export function bulletList(items: Inline[]): string {
  return items.map((item) => `- ${inline(item)}\n`).join('');
}

export interface TaskItem {
  /** Proposal id, `P-3`. */
  id: string;
  title: Inline;
  checked?: boolean;
}

const TASK_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

/** `- [ ] P-3 Title <!-- tend:proposal:P-3 -->`: maintainers tick the box to decide. */
export function taskList(items: TaskItem[]): string {
  return items
    .map((item) => {
      if (!TASK_ID.test(item.id))
        throw new Error(`taskList: invalid id ${JSON.stringify(item.id)}`);
      return `- [${item.checked ? 'x' : ' '}] ${item.id} ${inline(item.title)} <!-- tend:proposal:${item.id} -->\n`;
    })
    .join('');
}

/** The task-list items in a body (as edited on GitHub): which ids are ticked. */
export function readTaskList(body: string): { id: string; checked: boolean }[] {
  const found: { id: string; checked: boolean }[] = [];
  for (const match of body.matchAll(
    /^\s*[-*] \[([ xX])\] .*<!-- tend:proposal:([A-Za-z0-9][A-Za-z0-9._:-]*) -->\s*$/gm,
  )) {
    found.push({ id: match[2] as string, checked: match[1] !== ' ' });
  }
  return found;
}

/** Folded content: `<details><summary>…</summary>…</details>`; `body` is Markdown. */
export function details(summary: Inline, body: string, options: { open?: boolean } = {}): string {
  const open = options.open ? ' open' : '';
  return `<details${open}><summary>${inline(summary)}</summary>\n\n${body.trim()}\n\n</details>\n`;
}

export interface ChartSeries {
  name: string;
  /** One value per x label; null where there is no data. */
  values: (number | null)[];
}

export interface LineChartSpec {
  title: string;
  /** X-axis labels (weeks, dates). */
  x: string[];
  series: ChartSeries[];
  yLabel?: string;
}

function chartText(text: string): string {
  return `"${text
    .replace(/["`\\]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()}"`;
}

function chartNumber(value: number): string {
  return String(Number(value.toFixed(4)));
}

/**
 * A Mermaid `xychart-beta` line chart. Columns where a series has no value are left out;
 * with fewer than two columns left there is no trend to draw and the result is ''.
 */
export function lineChart(spec: LineChartSpec): string {
  const columns = spec.x
    .map((_, i) => i)
    .filter((i) =>
      spec.series.every((s) => typeof s.values[i] === 'number' && Number.isFinite(s.values[i])),
    );
  if (columns.length < 2 || spec.series.length === 0) return '';
  const lines = [
    '```mermaid',
    'xychart-beta',
    `  title ${chartText(spec.title)}`,
    `  x-axis [${columns.map((i) => chartText(spec.x[i] ?? '')).join(', ')}]`,
  ];
  if (spec.yLabel) lines.push(`  y-axis ${chartText(spec.yLabel)}`);
  for (const s of spec.series)
    lines.push(`  line [${columns.map((i) => chartNumber(s.values[i] as number)).join(', ')}]`);
  lines.push('```');
  let out = `${lines.join('\n')}\n`;
  if (spec.series.length > 1) {
    out += `\nLines, in order: ${spec.series.map((s, i) => `${i + 1}. ${inline(s.name)}`).join(', ')}.\n`;
  }
  return out;
}
