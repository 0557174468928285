// A small line diff for dry-run previews: unified format with three lines of context.

type Op = { kind: ' ' | '-' | '+'; line: string };

/** Larger inputs are not diffed (the LCS table would be too big); the caller shows contents. */
const MAX_CELLS = 4_000_000;

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function operations(a: string[], b: string[]): Op[] | undefined {
  // Common prefix and suffix first: most edits are local.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const n = midA.length;
  const m = midB.length;
  if (n * m > MAX_CELLS) return undefined;
  const table: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i -= 1) {
    const row = table[i] as Uint32Array;
    const next = table[i + 1] as Uint32Array;
    for (let j = m - 1; j >= 0; j -= 1) {
      row[j] =
        midA[i] === midB[j]
          ? (next[j + 1] as number) + 1
          : Math.max(next[j] as number, row[j + 1] as number);
    }
  }
  const ops: Op[] = a.slice(0, start).map((line) => ({ kind: ' ', line }));
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && midA[i] === midB[j]) {
      ops.push({ kind: ' ', line: midA[i] as string });
      i += 1;
      j += 1;
    } else if (
      i < n &&
      (j >= m || (table[i + 1] as Uint32Array)[j]! >= (table[i] as Uint32Array)[j + 1]!)
    ) {
      ops.push({ kind: '-', line: midA[i] as string });
      i += 1;
    } else {
      ops.push({ kind: '+', line: midB[j] as string });
      j += 1;
    }
  }
  for (const line of a.slice(endA)) ops.push({ kind: ' ', line });
  return ops;
}

/**
 * Unified diff of `before` -> `after` for `path`, or undefined when the inputs are too large
 * to diff cheaply. Identical inputs give an empty string.
 */
export function unifiedDiff(
  path: string,
  before: string | null,
  after: string | null,
  context = 3,
): string | undefined {
  const a = splitLines(before ?? '');
  const b = splitLines(after ?? '');
  const ops = operations(a, b);
  if (!ops) return undefined;
  const changed = ops
    .map((op, index) => (op.kind === ' ' ? -1 : index))
    .filter((index) => index >= 0);
  if (changed.length === 0) return '';
  const out = [
    `--- ${before === null ? '/dev/null' : `a/${path}`}`,
    `+++ ${after === null ? '/dev/null' : `b/${path}`}`,
  ];
  let index = 0;
  while (index < changed.length) {
    const first = Math.max(0, (changed[index] as number) - context);
    let last = changed[index] as number;
    while (index + 1 < changed.length && (changed[index + 1] as number) - last <= context * 2 + 1) {
      index += 1;
      last = changed[index] as number;
    }
    last = Math.min(ops.length - 1, last + context);
    const hunk = ops.slice(first, last + 1);
    const before0 = ops.slice(0, first).filter((op) => op.kind !== '+').length;
    const after0 = ops.slice(0, first).filter((op) => op.kind !== '-').length;
    const countA = hunk.filter((op) => op.kind !== '+').length;
    const countB = hunk.filter((op) => op.kind !== '-').length;
    out.push(
      `@@ -${countA === 0 ? before0 : before0 + 1},${countA} +${countB === 0 ? after0 : after0 + 1},${countB} @@`,
    );
    for (const op of hunk) out.push(`${op.kind}${op.line}`);
    index += 1;
  }
  return out.join('\n');
}
