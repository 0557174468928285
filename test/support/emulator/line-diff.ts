// A line diff (longest common subsequence) rendered as unified-diff hunks with three lines of
// context, like the `patch` field of GitHub's diff entries.

export interface LineDiff {
  additions: number;
  deletions: number;
  patch: string;
}

type Op = { kind: ' ' | '-' | '+'; text: string; oldLine: number; newLine: number };

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function operations(a: string[], b: string[]): Op[] {
  // LCS table; inputs in tests are small, and huge inputs fall back to replace-all
  if (a.length * b.length > 4_000_000) {
    return [
      ...a.map((text, i) => ({ kind: '-' as const, text, oldLine: i + 1, newLine: 0 })),
      ...b.map((text, j) => ({ kind: '+' as const, text, oldLine: 0, newLine: j + 1 })),
    ];
  }
  const lcs: Uint32Array[] = Array.from(
    { length: a.length + 1 },
    () => new Uint32Array(b.length + 1),
  );
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = lcs[i] as Uint32Array;
      row[j] =
        a[i] === b[j]
          ? (lcs[i + 1] as Uint32Array)[j + 1]! + 1
          : Math.max((lcs[i + 1] as Uint32Array)[j]!, row[j + 1]!);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ kind: ' ', text: a[i] as string, oldLine: ++i, newLine: ++j });
    } else if (
      i < a.length &&
      (j >= b.length || (lcs[i + 1] as Uint32Array)[j]! >= (lcs[i] as Uint32Array)[j + 1]!)
    ) {
      // deletions first, as git prints them
      ops.push({ kind: '-', text: a[i] as string, oldLine: ++i, newLine: j });
    } else {
      ops.push({ kind: '+', text: b[j] as string, oldLine: i, newLine: ++j });
    }
  }
  return ops;
}

/** `start,count`, or just `start` for a one-line range, as git writes hunk ranges. */
function range(start: number, count: number): string {
  return count === 1 ? String(start) : `${start},${count}`;
}

/** git's default hunk heading: the nearest earlier line starting with a letter, `_` or `$`. */
function hunkHeading(oldLines: string[], firstOldLine: number): string {
  for (let index = firstOldLine - 2; index >= 0; index--) {
    const line = oldLines[index] as string;
    if (/^[A-Za-z_$]/.test(line)) return ` ${line.trimEnd().slice(0, 80)}`;
  }
  return '';
}

export function diffLines(before: string, after: string, context = 3): LineDiff {
  const oldLines = splitLines(before);
  const ops = operations(oldLines, splitLines(after));
  const changed = ops
    .map((op, index) => (op.kind === ' ' ? -1 : index))
    .filter((index) => index >= 0);
  const hunks: string[] = [];
  let cursor = 0;
  while (cursor < changed.length) {
    const start = Math.max(0, (changed[cursor] as number) - context);
    let end = (changed[cursor] as number) + context;
    while (cursor + 1 < changed.length && (changed[cursor + 1] as number) - context <= end + 1) {
      cursor += 1;
      end = (changed[cursor] as number) + context;
    }
    cursor += 1;
    const slice = ops.slice(start, Math.min(ops.length, end + 1));
    const oldCount = slice.filter((op) => op.kind !== '+').length;
    const newCount = slice.filter((op) => op.kind !== '-').length;
    const first = slice[0] as Op;
    const oldStart =
      oldCount === 0 ? first.oldLine : first.kind === '+' ? first.oldLine + 1 : first.oldLine;
    const newStart =
      newCount === 0 ? first.newLine : first.kind === '-' ? first.newLine + 1 : first.newLine;
    hunks.push(
      `@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@${hunkHeading(oldLines, oldStart)}`,
      ...slice.map((op) => `${op.kind}${op.text}`),
    );
  }
  return {
    additions: ops.filter((op) => op.kind === '+').length,
    deletions: ops.filter((op) => op.kind === '-').length,
    patch: hunks.join('\n'),
  };
}
