// Word tokens of code and docs: identifiers, with hyphenated words (`dry-run`) kept whole.

const TOKEN = /[A-Za-z_$][\w$]*(?:-[A-Za-z0-9_$]+)*/g;

export function tokensOf(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Adds each token, and the parts of hyphenated tokens, to `into`, when `wanted` has them. */
export function collectWanted(text: string, wanted: Set<string>, into: Set<string>): void {
  for (const token of text.match(TOKEN) ?? []) {
    if (wanted.has(token)) into.add(token);
    if (token.includes('-'))
      for (const part of token.split('-')) if (wanted.has(part)) into.add(part);
  }
}

/** Spellings under which a flag or config key may appear in code (`dry-run`, `dryRun`, `dry_run`). */
export function spellings(name: string): string[] {
  const words = name.split(/[-_]/).filter((w) => w !== '');
  if (words.length < 2) return [name];
  const camel = words
    .map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('');
  return [
    ...new Set([name, words.join('-'), words.join('_'), camel, words.join('_').toUpperCase()]),
  ];
}
