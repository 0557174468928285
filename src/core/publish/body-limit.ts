// Keeps issue and PR bodies under GitHub's limit: the controls at the top stay, the folded
// details are trimmed from the end on section boundaries, and the result stays valid Markdown.

/** GitHub refuses issue, PR and comment bodies longer than this many characters. */
export const GITHUB_BODY_LIMIT = 65536;

/** Everything above this marker (or above the first `<details>`) is never trimmed. */
export const CUT_MARKER = '<!-- tend:cut -->';

export interface FitBodyOptions {
  limit?: number;
  /** The note appended after trimming; receives the number of characters left out. */
  note?: (omitted: number) => string;
}

export function defaultOmittedNote(omitted: number): string {
  return (
    `_${omitted.toLocaleString('en-US')} characters of details omitted to stay within GitHub's ` +
    `${GITHUB_BODY_LIMIT.toLocaleString('en-US')}-character limit; see the step summary or the state branch ` +
    'for the full report._'
  );
}

interface OpenBlocks {
  fence?: string;
  details: number;
  comment: boolean;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Scans Markdown for what is still open at its end: a code fence, `<details>`, an HTML comment. */
export function openBlocks(markdown: string): OpenBlocks {
  const state: OpenBlocks = { details: 0, comment: false };
  for (const line of markdown.split('\n')) {
    if (state.fence !== undefined) {
      const close = FENCE.exec(line);
      if (close?.[1] && close[1][0] === state.fence[0] && close[1].length >= state.fence.length) {
        if (line.slice(close[0].length).trim() === '') state.fence = undefined;
      }
      continue;
    }
    if (!state.comment) {
      const open = FENCE.exec(line);
      if (open?.[1]) {
        state.fence = open[1];
        continue;
      }
    }
    scanHtml(line, state);
  }
  return state;
}

function scanHtml(line: string, state: OpenBlocks): void {
  let rest = line;
  while (rest.length > 0) {
    if (state.comment) {
      const end = rest.indexOf('-->');
      if (end < 0) return;
      state.comment = false;
      rest = rest.slice(end + 3);
      continue;
    }
    const match = /<!--|<details[\s>]|<\/details\s*>/i.exec(rest);
    if (!match) return;
    const token = match[0].toLowerCase();
    if (token === '<!--') state.comment = true;
    else if (token.startsWith('</')) state.details = Math.max(0, state.details - 1);
    else state.details += 1;
    rest = rest.slice(match.index + match[0].length);
  }
}

/** What must be appended to close every block left open in `markdown`. */
export function closingFor(markdown: string): string {
  const open = openBlocks(markdown);
  const parts: string[] = [];
  if (open.comment) parts.push('-->');
  if (open.fence !== undefined) parts.push(open.fence);
  for (let i = 0; i < open.details; i += 1) parts.push('</details>');
  return parts.length > 0 ? `\n${parts.join('\n\n')}\n` : '';
}

/** Index where the trimmable part starts: the cut marker, else the first `<details>`, else 0. */
function protectedEnd(body: string): number {
  const cut = body.indexOf(CUT_MARKER);
  if (cut >= 0) return cut + CUT_MARKER.length;
  const details = /<details[\s>]/i.exec(body);
  return details ? details.index : 0;
}

/** Offsets (into `text`) where a line starts: all of them, and those that start a section. */
function boundaries(text: string): { lines: number[]; sections: number[] } {
  const lines: number[] = [];
  const sections: number[] = [];
  let fence: string | undefined;
  let offset = 0;
  let previousBlank = true;
  for (const line of text.split('\n')) {
    lines.push(offset);
    const fenceMatch = FENCE.exec(line);
    if (fence === undefined) {
      if (previousBlank || /^\s*(<details[\s>]|#{1,6}\s)/i.test(line)) sections.push(offset);
      if (fenceMatch?.[1]) fence = fenceMatch[1];
    } else if (
      fenceMatch?.[1] &&
      fenceMatch[1][0] === fence[0] &&
      fenceMatch[1].length >= fence.length
    ) {
      fence = undefined;
    }
    previousBlank = line.trim() === '';
    offset += line.length + 1;
  }
  return { lines, sections };
}

function lastAtMost(offsets: number[], max: number): number {
  let best = 0;
  for (const offset of offsets) if (offset <= max && offset > best) best = offset;
  return best;
}

/** Cuts at `max` without splitting a surrogate pair or leaving half an HTML tag. */
function hardCut(text: string, max: number): string {
  let end = Math.max(0, max);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  let kept = text.slice(0, end);
  const lt = kept.lastIndexOf('<');
  if (lt >= 0 && kept.indexOf('>', lt) < 0) kept = kept.slice(0, lt);
  return kept;
}

/** The longest prefix of `rest` that fits in `room`, preferring section boundaries. */
function keepPrefix(rest: string, room: number): string {
  if (room <= 0) return '';
  const { lines, sections } = boundaries(rest);
  const section = lastAtMost(sections, room);
  const line = lastAtMost(lines, room);
  // A section boundary unless it throws away more than a quarter of the room.
  const end = section >= room * 0.75 ? section : line;
  if (end > 0) return rest.slice(0, end);
  return hardCut(rest, room);
}

function assemble(
  fixed: string,
  kept: string,
  omitted: number,
  note: (n: number) => string,
): string {
  const text = (fixed + kept).replace(/\s+$/, '');
  return `${text}\n${closingFor(text)}\n${note(omitted)}\n`;
}

/**
 * Fits `body` under GitHub's limit (65,536 characters by default). Everything before the
 * first `<details>` (or before an explicit `<!-- tend:cut -->`) is kept; the rest is trimmed
 * from the end on section boundaries, open `<details>`, code fences and comments are closed,
 * and a note says how much was left out. Bodies under the limit are returned unchanged.
 */
export function fitBody(body: string, options: FitBodyOptions = {}): string {
  const limit = options.limit ?? GITHUB_BODY_LIMIT;
  const note = options.note ?? defaultOmittedNote;
  if (body.length <= limit) return body;
  let fixedEnd = protectedEnd(body);
  // Controls larger than the limit on their own: nothing is protected any more.
  if (fixedEnd + note(body.length).length + 64 > limit) fixedEnd = 0;
  const fixed = body.slice(0, fixedEnd);
  const rest = body.slice(fixedEnd);
  let room = limit - fixed.length - note(body.length).length - 64;
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const kept = keepPrefix(rest, room);
    const result = assemble(fixed, kept, body.length - fixed.length - kept.length, note);
    if (result.length <= limit) return result;
    room -= Math.max(result.length - limit, 16);
  }
  return assemble(fixed, '', rest.length, note).slice(0, limit);
}
