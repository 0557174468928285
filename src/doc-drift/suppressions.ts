// `<!-- tend-ignore-next-line -->` and `<!-- tend-ignore-start -->` ... `<!-- tend-ignore-end -->`
// (or the MDX comment forms `{/* tend-ignore-next-line */}`) silence findings on those lines.

const NEXT = /(?:<!--|\{\/\*)\s*tend-ignore-next-line\s*(?:-->|\*\/\})/;
const START = /(?:<!--|\{\/\*)\s*tend-ignore-start\s*(?:-->|\*\/\})/;
const END = /(?:<!--|\{\/\*)\s*tend-ignore-end\s*(?:-->|\*\/\})/;

/** 1-based line numbers whose findings are suppressed. */
export function suppressedLines(source: string): Set<number> {
  const lines = new Set<number>();
  if (!source.includes('tend-ignore')) return lines;
  const all = source.split('\n');
  let inBlock = false;
  all.forEach((text, index) => {
    const line = index + 1;
    if (START.test(text)) inBlock = true;
    if (inBlock) lines.add(line);
    if (END.test(text)) inBlock = false;
    if (NEXT.test(text)) {
      lines.add(line);
      // The next non-blank line.
      let next = index + 1;
      while (next < all.length && (all[next] as string).trim() === '') next++;
      lines.add(next + 1);
    }
  });
  return lines;
}
