// Substitutions a reviewer writes in prose: `s/recieve/receive/`, `getUser -> fetchUser`,
// "`a` instead of `b`". A close spelling is a typo fix; a different identifier is a rename.
import type { CodeCue } from './code-cues';

/** Levenshtein distance, bounded work: inputs are single words or short identifiers. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0 || b.length === 0) return Math.max(a.length, b.length);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** camelCase, snake_case, PascalCase with two parts, or SCREAMING_CASE: clearly a code name. */
const CODE_NAME = /^(?:[a-z]+[A-Z]\w*|[A-Z][a-z]+[A-Z]\w*|\w+_\w+)$/;

/** Type names that are compared in annotations rather than renamed. */
export const TYPE_NAMES = new Set(
  (
    'str int float bool bytes list dict set tuple none optional union any unknown never void object string number boolean ' +
    'iterable iterator sequence mapping callable generator awaitable typevar protocol typeddict literal final classvar noreturn self ' +
    'record partial readonly promise array map interface error result option vec box rc arc slice hashmap i32 i64 u8 u32 u64 usize f64 ' +
    'integer long double char'
  ).split(' '),
);

/** Only a single letter changed, doubled, swapped or dropped: a spelling fix, not a new word. */
function isSpellingFix(before: string, after: string): boolean {
  const a = before.toLowerCase();
  const b = after.toLowerCase();
  if (a === b) return before !== after; // capitalisation only
  const longest = Math.max(a.length, b.length);
  if (longest < 3) return false;
  // `enabled` -> `isEnabled`, `count` -> `counts`: a prefix or suffix added to a whole word is a
  // new name, not a spelling fix.
  if ((a.includes(b) || b.includes(a)) && Math.abs(a.length - b.length) >= 2) return false;
  const distance = editDistance(a, b);
  return distance <= 2 && distance / longest <= 0.34;
}

function judge(before: string, after: string, how: string): CodeCue | null {
  // `and` -> `or`, `<` -> `<=`: swapping short operators or keywords is a logic fix, not wording.
  if (
    how !== 's/old/new/' &&
    Math.max(before.length, after.length) <= 3 &&
    before.toLowerCase() !== after.toLowerCase()
  )
    return null;
  const plainWords = /^[A-Za-z]+(?:'[A-Za-z]+)?$/;
  if (
    how !== 'old -> new' &&
    plainWords.test(before) &&
    plainWords.test(after) &&
    before !== after
  ) {
    if (
      isSpellingFix(before.replace("'", ''), after.replace("'", '')) ||
      isSpellingFix(before, after)
    ) {
      return { theme: 'typo-spelling', weight: 3, cue: `${how} fixes a spelling` };
    }
    if (how !== 's/old/new/' && /^[a-z']+$/.test(before) && /^[a-z']+$/.test(after)) {
      return { theme: 'docs-comments', weight: 1.5, cue: `${how} rewords text` };
    }
  }
  if (!IDENTIFIER.test(before) || !IDENTIFIER.test(after) || before === after) return null;
  if (TYPE_NAMES.has(before.toLowerCase()) && TYPE_NAMES.has(after.toLowerCase())) {
    return { theme: 'type-annotations', weight: 2, cue: `${how} compares type names` };
  }
  if (isSpellingFix(before, after) && !CODE_NAME.test(after))
    return { theme: 'typo-spelling', weight: 3, cue: `${how} fixes a spelling` };
  if (isSpellingFix(before, after))
    return { theme: 'typo-spelling', weight: 2, cue: `${how} fixes a spelling in a name` };
  if (CODE_NAME.test(before) || CODE_NAME.test(after))
    return { theme: 'naming', weight: 3, cue: `${how} renames` };
  // Plain words swapped with sed syntax are usually prose (docs, comments, messages) being reworded.
  if (how === 's/old/new/' && /^[a-z]+$/.test(before) && /^[a-z]+$/.test(after)) {
    return { theme: 'docs-comments', weight: 2, cue: 's/old/new/ rewords text' };
  }
  return { theme: 'naming', weight: 2, cue: `${how} renames` };
}

const SED = /(?:^|[\s(`])s\/([^/\s]{1,40})\/([^/\s]{1,40})\/?/g;
const SED_PHRASE = /(?:^|[\s(`])s\/([^/\n]{1,60})\/([^/\n]{0,60})\/?/g;
const ARROW_TICKED = /`([A-Za-z_$][\w$]*)`\s*(?:->|→|=>|➡️?)\s*`([A-Za-z_$][\w$]*)`/g;
const ARROW_LINE = /^\s*([A-Za-z_$][\w$]*)\s*(?:->|→|=>)\s*([A-Za-z_$][\w$]*)\s*[.?!]?\s*$/gm;
const QUOTED_FIX =
  /["'`“‘]([A-Za-z_$][\w$']*)["'`”’]\s*(?:->|→|should be|instead of)\s*["'`“‘]([A-Za-z_$][\w$']*)["'`”’]/g;
/** `a a -> a` on a line of its own: an unquoted phrase correction. */
const PHRASE_LINE =
  /^\s*(?:nit:?\s*)?([A-Za-z][\w' ]{0,40}?)\s*(?:->|→)\s*([A-Za-z][\w' ]{0,40}?)\s*[.?!]?\s*$/gm;
const NOT_FIX =
  /(?:["`“]|\*{1,2}|\b_)([A-Za-z_$][\w$']*)(?:["`”]|\*{1,2}|_\b),?\s+(?:(?:is|would be) (?:right|correct|the correct spelling),?\s+)?(?:not|rather than)\s+(?:["`“]|\*{1,2}|\b_)([A-Za-z_$][\w$']*)(?:["`”]|\*{1,2}|_\b)/g;
/** 'an user' -> 'a user': a quoted phrase corrected by a few letters is a typo or grammar fix. */
const QUOTED_PHRASE =
  /["'“‘]([^"'”’`\n]{2,60})["'”’]\s*(?:->|→|=>|should be|instead of)\s*["'“‘]([^"'”’`\n]{2,60})["'”’]/g;
const INSTEAD =
  /`([A-Za-z_$][\w$]*)`\s+(?:instead of|rather than|over|vs\.?|versus|(?:is |are )?(?:more \w+|better|preferable|preferred|clearer|safer) (?:than|to))\s+`([A-Za-z_$][\w$]*)`/g;

const DOUBLED = /\b(\w+) \1\b/i;

/** A corrected phrase: a doubled word removed or a few letters changed is a typo, more is rewording. */
function judgePhrase(before: string, after: string): CodeCue {
  const [a, b] = [before.toLowerCase().trim(), after.toLowerCase().trim()];
  const distance = editDistance(a, b);
  const undoubled = DOUBLED.test(a) && !DOUBLED.test(b);
  return undoubled || (distance <= 3 && distance / Math.max(a.length, b.length) <= 0.25)
    ? { theme: 'typo-spelling', weight: 3, cue: '"old phrase" -> "new phrase" fixes a word' }
    : { theme: 'docs-comments', weight: 1.5, cue: '"old phrase" -> "new phrase" rewords text' };
}

/** `user_id`/`userId`, `fooBar` or `foo_bar`: one name spelled two ways. */
const EITHER_NAME = /`([A-Za-z_$][\w$-]*)`\s*(?:\/|,|or|vs\.?|versus|and)\s*`([A-Za-z_$][\w$-]*)`/g;
const folded = (name: string): string => name.toLowerCase().replace(/[_-]/g, '');

/** Cues from substitutions written in the reviewer's prose. */
export function substitutionCues(text: string): CodeCue[] {
  const cues: CodeCue[] = [];
  // Each family of substitution needs its marker; most comments have none and return at once.
  const sed = text.includes('s/');
  const arrow = /->|→|=>|should be|instead of/.test(text);
  const tick = text.includes('`');
  const not = /\b(?:not|rather than)\b/.test(text);
  if (!sed && !arrow && !tick && !not) return cues;
  if (sed) judgeSed(text, cues);
  if (arrow) judgeArrows(text, cues);
  if (not) {
    for (const m of text.matchAll(NOT_FIX)) {
      const cue = judge(m[2] as string, m[1] as string, '"new", not "old"');
      if (cue && !cues.some((c) => c.cue === cue.cue)) cues.push(cue);
    }
  }
  if (tick) judgeTicked(text, cues);
  return cues;
}

function judgeSed(text: string, cues: CodeCue[]): void {
  for (const m of text.matchAll(SED)) {
    const cue = judge(m[1] as string, m[2] as string, 's/old/new/');
    if (cue) cues.push(cue);
  }
  if (cues.length === 0) {
    for (const m of text.matchAll(SED_PHRASE)) {
      if (/\s/.test(`${m[1]}${m[2]}`))
        cues.push({ theme: 'docs-comments', weight: 2, cue: 's/old/new/ rewords text' });
    }
  }
}

function judgeArrows(text: string, cues: CodeCue[]): void {
  for (const m of text.matchAll(ARROW_TICKED)) {
    const cue = judge(m[1] as string, m[2] as string, 'old -> new');
    if (cue) cues.push(cue);
  }
  for (const m of text.matchAll(ARROW_LINE)) {
    const cue = judge(m[1] as string, m[2] as string, 'old -> new');
    if (cue) cues.push(cue);
  }
  for (const m of text.matchAll(QUOTED_FIX)) {
    const [a, b] = [m[1] as string, m[2] as string];
    // "x -> y" and "x should be y" put the old word first; "y instead of x" the new one.
    const cue = /instead of/.test(m[0])
      ? judge(b, a, '"old" -> "new"')
      : judge(a, b, '"old" -> "new"');
    if (cue && !cues.some((c) => c.cue === cue.cue)) cues.push(cue);
  }
  for (const m of [...text.matchAll(QUOTED_PHRASE), ...text.matchAll(PHRASE_LINE)]) {
    const [a, b] = [m[1] as string, m[2] as string];
    if (!/\s/.test(a) && !/\s/.test(b)) continue;
    const cue = judgePhrase(a, b);
    if (!cues.some((c) => c.cue === cue.cue)) cues.push(cue);
  }
}

function judgeTicked(text: string, cues: CodeCue[]): void {
  for (const m of text.matchAll(EITHER_NAME)) {
    const [a, b] = [m[1] as string, m[2] as string];
    if (a !== b && folded(a) === folded(b)) {
      cues.push({ theme: 'naming', weight: 3, cue: 'one name in two casings' });
      break;
    }
  }
  for (const m of text.matchAll(INSTEAD)) {
    const [after, before] = [m[1] as string, m[2] as string];
    const cue = judge(before, after, '`new` instead of `old`');
    // Preferring one name over another is often an API choice: only trust typos and type names.
    if (cue && cue.theme !== 'naming') cues.push(cue);
  }
}
