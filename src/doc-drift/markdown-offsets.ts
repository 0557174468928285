// From positions in the text markdown-it tokenizes inline (a paragraph's lines without their
// indentation and container markers, a heading's text, a table cell) back to offsets in the doc.
// markdown-it works on the doc with `\n` line endings; `SourceText` maps those offsets back to
// the doc as written.

/** Maps a position in an inline text to an offset in the normalized doc. */
export type ToOffset = (position: number) => number;

const isAsciiSpace = (code: number) =>
  code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;

/** The doc as markdown-it reads it (`\r\n` and `\r` as `\n`, NUL as U+FFFD), line by line. */
export class SourceText {
  readonly normalized: string;
  private readonly starts: number[] = [0];
  /** Line starts in the doc as written, when its line endings are not all `\n`. */
  private readonly originalStarts: number[] | undefined;

  constructor(readonly source: string) {
    const hasCr = source.includes('\r');
    let text = hasCr ? source.replace(/\r\n?/g, '\n') : source;
    if (text.includes('\0')) text = text.replace(/\0/g, '\uFFFD');
    this.normalized = text;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
      this.starts.push(i + 1);
    if (hasCr) {
      const starts = [0];
      for (const m of source.matchAll(/\r\n?|\n/g)) starts.push((m.index ?? 0) + m[0].length);
      this.originalStarts = starts;
    }
  }

  /** Lines as markdown-it counts them (a final line ending does not start another). */
  get lineCount(): number {
    const n = this.starts.length;
    return this.normalized.endsWith('\n') ? n - 1 : n;
  }

  lineStart(line: number): number {
    return this.starts[line] ?? this.normalized.length;
  }

  /** Offset of the line's `\n` (or the end of the doc). */
  lineEnd(line: number): number {
    const next = this.starts[line + 1];
    return next === undefined ? this.normalized.length : next - 1;
  }

  /** End of the line without its trailing spaces and tabs. */
  lineEndTrimmed(line: number): number {
    const start = this.lineStart(line);
    let end = this.lineEnd(line);
    while (end > start && isAsciiSpace(this.normalized.charCodeAt(end - 1))) end--;
    return end;
  }

  /**
   * Where a line of a block's text (its end of doc line `line`, from which markdown-it stripped
   * container markers and indentation, writing a partly used tab as spaces) starts in the doc.
   */
  lineTextStart(line: number, lineText: string): number {
    const end = this.lineEnd(line);
    let k = 0;
    while (
      k < lineText.length &&
      lineText.charCodeAt(k) === 0x20 &&
      !this.normalized.startsWith(lineText.slice(k), end - (lineText.length - k))
    )
      k++;
    return Math.max(this.lineStart(line), end - (lineText.length - k));
  }

  /** The offset in the doc as written of an offset in the normalized doc. */
  original(offset: number): number {
    if (!this.originalStarts) return offset;
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return (this.originalStarts[lo] as number) + offset - (this.starts[lo] as number);
  }
}

/**
 * A paragraph's (or setext heading's) text: line k is the end of doc line `firstLine + k` (its
 * indentation and container markers stripped, and trailing spaces on the last line).
 */
export function paragraphOffsets(text: SourceText, content: string, firstLine: number): ToOffset {
  const starts = [0];
  for (let i = content.indexOf('\n'); i !== -1; i = content.indexOf('\n', i + 1))
    starts.push(i + 1);
  return (position) => {
    let k = 0;
    while (k + 1 < starts.length && (starts[k + 1] as number) <= position) k++;
    const start = starts[k] as number;
    let end = k + 1 < starts.length ? (starts[k + 1] as number) - 1 : content.length;
    while (end > start && isAsciiSpace(content.charCodeAt(end - 1))) end--;
    return text.lineEndTrimmed(firstLine + k) - (end - start) + (position - start);
  };
}

/** An ATX heading's text starts after its `#`s and the spaces that follow them. */
export function atxHeadingOffsets(text: SourceText, line: number): ToOffset {
  const src = text.normalized;
  const end = text.lineEnd(line);
  let at = src.indexOf('#', text.lineStart(line));
  while (at < end && src.charCodeAt(at) === 0x23) at++;
  while (at < end && isAsciiSpace(src.charCodeAt(at))) at++;
  return (position) => at + position;
}

interface Segment {
  /** The cell text with `\|` read as `|`, as markdown-it splits a row. */
  text: string;
  start: number;
  /** Positions in `text` just before which a backslash was dropped. */
  dropped: number[];
}

/** Splits a table row at unescaped `|`, as markdown-it does (a `\` right before `|` escapes it). */
function splitRow(src: string, start: number, end: number): Segment[] {
  const segments: Segment[] = [];
  let current: Segment = { text: '', start, dropped: [] };
  let from = start;
  for (let pos = start; pos < end; pos++) {
    if (src.charCodeAt(pos) !== 0x7c) continue;
    if (pos > start && src.charCodeAt(pos - 1) === 0x5c) {
      current.text += src.slice(from, pos - 1);
      current.dropped.push(current.text.length);
      from = pos;
    } else {
      current.text += src.slice(from, pos);
      segments.push(current);
      current = { text: '', start: pos + 1, dropped: [] };
      from = pos + 1;
    }
  }
  current.text += src.slice(from, end);
  segments.push(current);
  return segments;
}

/**
 * The cells of a table row (their texts as markdown-it gives them, trimmed), each matched in
 * order to its segment of the doc line: the first segment also holds the line's container
 * markers and indentation, so there the cell is the end of the segment.
 */
export function tableCellOffsets(
  text: SourceText,
  line: number,
  cells: string[],
): (ToOffset | undefined)[] {
  const segments = splitRow(text.normalized, text.lineStart(line), text.lineEnd(line));
  let next = 0;
  return cells.map((cell) => {
    if (cell === '') return undefined;
    for (let i = next; i < segments.length; i++) {
      const segment = segments[i] as Segment;
      const trimmed = segment.text.trim();
      let lead: number;
      if (trimmed === cell) lead = segment.text.indexOf(trimmed);
      else if (i === 0 && trimmed.endsWith(cell))
        lead = segment.text.trimEnd().length - cell.length;
      else continue;
      next = i + 1;
      return (position: number) => {
        const index = lead + position;
        let shift = 0;
        for (const d of segment.dropped) if (d <= index) shift++;
        return segment.start + index + shift;
      };
    }
    return undefined;
  });
}
