// Line numbers for parser errors and for declarations found by text search.

/** 1-based line of a character offset. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The line of a JSON.parse error, from the `position N` or `(line N column M)` in its message. */
export function jsonErrorLine(text: string, error: unknown): number | undefined {
  const message = error instanceof Error ? error.message : String(error);
  const lineColumn = /line (\d+) column \d+/.exec(message);
  if (lineColumn) return Number(lineColumn[1]);
  const position = /position (\d+)/.exec(message);
  if (position) return lineOfOffset(text, Number(position[1]));
  if (/Unexpected end of JSON input/.test(message)) return lineOfOffset(text, text.length);
  return undefined;
}

/** First line on which `"name"` appears as a JSON key (for pointing at a manifest entry). */
export function jsonKeyLine(text: string, key: string, from = 0): number | undefined {
  const index = text.indexOf(`${JSON.stringify(key)}`, from);
  return index < 0 ? undefined : lineOfOffset(text, index);
}
