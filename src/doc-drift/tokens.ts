// Word tokens of code and docs: identifiers, with hyphenated words (`dry-run`) kept whole.

const TOKEN = /[A-Za-z_$][\w$]*(?:-[A-Za-z0-9_$]+)*/g;

export function tokensOf(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

const FNV_OFFSET = 0x811c9dc5;
const mix = (hash: number, code: number) => Math.imul(hash ^ code, 0x01000193);
/** ASCII classes: 2 starts a token (`[A-Za-z_$]`), 1 only continues it (`[0-9]`). */
const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  CLASS[c] = /[A-Za-z_$]/.test(ch) ? 2 : /[0-9]/.test(ch) ? 1 : 0;
}
const isTokenStart = (c: number) => c < 128 && CLASS[c] === 2;
const isTokenChar = (c: number) => c < 128 && CLASS[c] !== 0;

function hashOf(text: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) hash = mix(hash, text.charCodeAt(i));
  return hash;
}

/**
 * A scanner that adds each token of a text (as `tokensOf` splits it), and the parts of hyphenated
 * tokens, to `into` when `wanted` has them. It hashes tokens as it reads them and makes a string
 * only when the hash is one of a wanted name's: code is mostly tokens nobody asked about.
 */
export function wantedScanner(wanted: Set<string>): (text: string, into: Set<string>) => void {
  const hashes = new Set<number>();
  for (const name of wanted) hashes.add(hashOf(name));
  const check = (text: string, hash: number, from: number, to: number, into: Set<string>) => {
    if (!hashes.has(hash)) return;
    const token = text.slice(from, to);
    if (wanted.has(token)) into.add(token);
  };
  return (text, into) => {
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (!isTokenStart(text.charCodeAt(i))) {
        i++;
        continue;
      }
      const start = i;
      let whole = FNV_OFFSET;
      let part = FNV_OFFSET;
      let partStart = i;
      for (let c = text.charCodeAt(i); i < n && isTokenChar(c); c = text.charCodeAt(++i)) {
        whole = mix(whole, c);
        part = mix(part, c);
      }
      let hyphenated = false;
      // `-` followed by a token character continues the token (`dry-run`).
      while (i + 1 < n && text.charCodeAt(i) === 45 && isTokenChar(text.charCodeAt(i + 1))) {
        check(text, part, partStart, i, into);
        hyphenated = true;
        whole = mix(whole, 45);
        part = FNV_OFFSET;
        partStart = ++i;
        for (let c = text.charCodeAt(i); i < n && isTokenChar(c); c = text.charCodeAt(++i)) {
          whole = mix(whole, c);
          part = mix(part, c);
        }
      }
      if (hyphenated) check(text, part, partStart, i, into);
      check(text, whole, start, i, into);
    }
  };
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
