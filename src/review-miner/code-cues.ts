// Code-aware cues: what a ```suggestion block changes compared with the line it replaces.
import type { Theme } from './taxonomy';

export interface CodeCue {
  theme: Theme;
  weight: number;
  cue: string;
}

const SUGGESTION = /```suggestion[^\n]*\n([\s\S]*?)```/g;
const DEBUG_CALL =
  /\b(console\.(log|debug|info|warn|error)|print\s*\(|e?println!?\s*\(|dbg!\s*\(|fmt\.Print(ln|f)?\s*\(|System\.out\.print|var_dump\s*\(|dd\s*\()/;
const LOGGER_CALL = /\b(log(ger)?|logging|LOG)\.(debug|info|warn(ing)?|error|trace)\s*\(/;
const TYPE_ANNOTATION =
  /(\)\s*->\s*[\w[\]."'|, ]+:|\w\s*:\s*(str|int|float|bool|bytes|list|dict|set|tuple|None|Optional|Union|Any|Sequence|Mapping|Iterable|string|number|boolean|unknown|void|Record|Array|Promise)\b|\):\s*[A-Z]?\w+(<[^>]*>)?\s*(\{|=>))/;
const IMPORT_LINE = /^\s*(import\s|from\s+\S+\s+import\s|const\s+\w+\s*=\s*require\(|use\s+\w)/;

/** The last added (or context) lines of a diff hunk: the lines a suggestion replaces. */
export function commentedLines(diffHunk: string | undefined, count: number): string[] {
  if (!diffHunk) return [];
  const lines = diffHunk
    .split('\n')
    .filter((line) => !line.startsWith('@@') && !line.startsWith('-') && !line.startsWith('\\'))
    .map((line) => line.slice(1));
  return lines.slice(-Math.max(1, count));
}

export function suggestions(body: string): string[] {
  return [...body.matchAll(SUGGESTION)].map((m) => (m[1] ?? '').replace(/\n$/, ''));
}

const squash = (text: string): string => text.replace(/\s+/g, '');
const identifiers = (text: string): string[] => text.match(/[A-Za-z_$][\w$]*/g) ?? [];

function compare(before: string, after: string): CodeCue[] {
  const cues: CodeCue[] = [];
  if (DEBUG_CALL.test(before) && !DEBUG_CALL.test(after)) {
    cues.push({ theme: 'logging-debug', weight: 4, cue: 'suggestion removes a debug print' });
  }
  if (!LOGGER_CALL.test(before) && LOGGER_CALL.test(after) && DEBUG_CALL.test(before)) {
    cues.push({
      theme: 'logging-debug',
      weight: 4,
      cue: 'suggestion replaces print with a logger',
    });
  }
  if (TYPE_ANNOTATION.test(after) && !TYPE_ANNOTATION.test(before)) {
    cues.push({ theme: 'type-annotations', weight: 4, cue: 'suggestion adds a type annotation' });
  }
  if (after.trim() === '' && IMPORT_LINE.test(before)) {
    cues.push({ theme: 'unused-code', weight: 4, cue: 'suggestion deletes an import' });
  } else if (after.trim() === '' && before.trim() !== '' && cues.length === 0) {
    cues.push({ theme: 'unused-code', weight: 2, cue: 'suggestion deletes the line' });
  }
  if (
    cues.length === 0 &&
    before.trim() !== '' &&
    squash(before) === squash(after) &&
    before !== after
  ) {
    cues.push({ theme: 'style-formatting', weight: 4, cue: 'suggestion changes only whitespace' });
  }
  if (cues.length === 0 && before.trim() !== '' && after.trim() !== '') {
    const a = identifiers(before);
    const b = identifiers(after);
    const changed = a.length === b.length ? a.filter((word, i) => word !== b[i]) : [];
    const sameShape =
      before.replace(/[A-Za-z_$][\w$]*/g, 'x') === after.replace(/[A-Za-z_$][\w$]*/g, 'x');
    if (sameShape && changed.length > 0 && squash(before) !== squash(after)) {
      const inString = /(["'`#]|\/\/)/.test(before);
      cues.push(
        inString && changed.every((w) => w.length > 3)
          ? { theme: 'typo-spelling', weight: 2, cue: 'suggestion corrects words' }
          : { theme: 'naming', weight: 2.5, cue: 'suggestion renames an identifier' },
      );
    }
  }
  return cues;
}

/** Cues from every suggestion block in the comment, compared with the diff it was left on. */
export function codeCues(body: string, diffHunk: string | undefined): CodeCue[] {
  const cues: CodeCue[] = [];
  for (const after of suggestions(body)) {
    const span = after.split('\n').length;
    // The replaced range is not always known: take the shortest tail of the hunk that holds the
    // same code (a reflowed line), else as many lines as the suggestion has.
    const tails = [1, 2, 3, span].map((k) => commentedLines(diffHunk, k).join('\n'));
    const before = tails.find((tail) => squash(tail) === squash(after)) ?? (tails[3] as string);
    if (before === '' && TYPE_ANNOTATION.test(after)) {
      cues.push({
        theme: 'type-annotations',
        weight: 1.5,
        cue: 'suggestion contains a type annotation',
      });
      continue;
    }
    cues.push(...compare(before, after));
  }
  return cues;
}
