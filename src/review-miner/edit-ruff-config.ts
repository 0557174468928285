// Adds rule codes to ruff's `extend-select` / `select` array, editing the TOML text in place so
// comments and layout survive.

interface Section {
  name: string;
  start: number;
  bodyStart: number;
  end: number;
}

function sections(text: string): Section[] {
  const out: Section[] = [];
  const header = /^[ \t]*\[([^\[\]\n]+)\][ \t]*(#.*)?$/gm;
  let match: RegExpExecArray | null;
  const found: { name: string; start: number; bodyStart: number }[] = [];
  while ((match = header.exec(text)) !== null) {
    found.push({
      name: (match[1] as string).trim(),
      start: match.index,
      bodyStart: match.index + match[0].length,
    });
  }
  found.forEach((s, i) => out.push({ ...s, end: found[i + 1]?.start ?? text.length }));
  return out;
}

/** The root `[tool.ruff]` (pyproject) or the top of ruff.toml, and its lint sub-table. */
function ruffTables(text: string, pyproject: boolean): { base?: Section; lint?: Section } {
  const all = sections(text);
  if (pyproject)
    return {
      base: all.find((s) => s.name === 'tool.ruff'),
      lint: all.find((s) => s.name === 'tool.ruff.lint'),
    };
  const top: Section = { name: '', start: 0, bodyStart: 0, end: all[0]?.start ?? text.length };
  return { base: top, lint: all.find((s) => s.name === 'lint') };
}

/** Finds `key = [ ... ]` inside a section; returns the array's bracket positions. */
function findArray(
  text: string,
  section: Section,
  key: string,
): { open: number; close: number } | undefined {
  const body = text.slice(section.bodyStart, section.end);
  const re = new RegExp(`^[ \\t]*${key.replace('-', '\\-')}[ \\t]*=[ \\t]*\\[`, 'm');
  const match = re.exec(body);
  if (!match) return undefined;
  const open = section.bodyStart + match.index + match[0].length - 1;
  let inString: string | null = null;
  for (let i = open + 1; i < text.length; i += 1) {
    const c = text[i] as string;
    if (inString) {
      if (c === inString) inString = null;
      continue;
    }
    if (c === '"' || c === "'") inString = c;
    else if (c === '#') i = text.indexOf('\n', i) === -1 ? text.length : text.indexOf('\n', i);
    else if (c === ']') return { open, close: i };
  }
  return undefined;
}

function arrayItems(text: string, open: number, close: number): string[] {
  return [
    ...text
      .slice(open + 1, close)
      .replace(/#.*$/gm, '')
      .matchAll(/["']([^"']*)["']/g),
  ].map((m) => m[1] as string);
}

/** A code is already selected when it, a prefix of it, or `ALL` is in the array. */
function covered(code: string, items: string[]): boolean {
  return items.some((item) => item === 'ALL' || code.startsWith(item));
}

function insertIntoArray(text: string, open: number, close: number, codes: string[]): string {
  const inner = text.slice(open + 1, close);
  const quote = /'/.test(inner) && !/"/.test(inner) ? "'" : '"';
  const items = codes.map((c) => `${quote}${c}${quote}`);
  if (!inner.includes('\n')) {
    const trimmed = inner.trim().replace(/,\s*$/, '');
    const joined = trimmed === '' ? items.join(', ') : `${trimmed}, ${items.join(', ')}`;
    return `${text.slice(0, open + 1)}${joined}${text.slice(close)}`;
  }
  // Multi-line: one item per line, same indentation as the last item, trailing commas kept.
  const lines = inner.split('\n');
  const itemLines = lines.filter((l) => /["']/.test(l.replace(/#.*$/, '')));
  const indent = /^[ \t]*/.exec(itemLines[itemLines.length - 1] ?? '    ')?.[0] ?? '    ';
  const before = text.slice(0, close);
  const lastContent = before.replace(/\s+$/, '');
  const needsComma =
    !/[,[]\s*(#[^\n]*)?$/.test(lastContent.slice(lastContent.lastIndexOf('\n') + 1)) &&
    itemLines.length > 0;
  let head = before.replace(/[ \t]*$/, '');
  if (needsComma) {
    // Add the comma after the last item, before any trailing comment on its line.
    const lineStart = head.lastIndexOf('\n', head.replace(/\s+$/, '').length - 1) + 1;
    const line = head.slice(lineStart).replace(/\s+$/, '');
    const comment = /\s*#.*$/.exec(line)?.[0] ?? '';
    head = `${head.slice(0, lineStart)}${line.slice(0, line.length - comment.length)},${comment}${head.slice(lineStart + line.length)}`;
  }
  if (!head.endsWith('\n')) head += '\n';
  const closingIndent = /[ \t]*$/.exec(before)?.[0] ?? '';
  return `${head}${items.map((item) => `${indent}${item},`).join('\n')}\n${closingIndent}${text.slice(close)}`;
}

export interface RuffEdit {
  text: string;
  changed: boolean;
  /** Codes that were added (the others were already selected). */
  added: string[];
}

export function addRuffCodes(text: string, codes: string[], file: string): RuffEdit {
  const pyproject = file.endsWith('pyproject.toml');
  const { base, lint } = ruffTables(text, pyproject);
  const candidates: [Section | undefined, string][] = [
    [lint, 'extend-select'],
    [lint, 'select'],
    [base, 'extend-select'],
    [base, 'select'],
  ];
  const arrays = candidates
    .map(([section, key]) => (section ? { key, at: findArray(text, section, key) } : undefined))
    .filter((a): a is { key: string; at: { open: number; close: number } } => a?.at !== undefined);
  const selected = arrays.flatMap((a) => arrayItems(text, a.at.open, a.at.close));
  const missing = codes.filter((code) => !covered(code, selected));
  if (missing.length === 0) return { text, changed: false, added: [] };
  const target = arrays[0];
  if (target)
    return {
      text: insertIntoArray(text, target.at.open, target.at.close, missing),
      changed: true,
      added: missing,
    };
  const line = `extend-select = [${missing.map((c) => `"${c}"`).join(', ')}]\n`;
  if (lint) {
    const insertAt = text.indexOf('\n', lint.start) + 1 || text.length;
    return {
      text: `${text.slice(0, insertAt)}${line}${text.slice(insertAt)}`,
      changed: true,
      added: missing,
    };
  }
  const header = pyproject ? '[tool.ruff.lint]' : '[lint]';
  const sep = text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
  return { text: `${text}${sep}${header}\n${line}`, changed: true, added: missing };
}
