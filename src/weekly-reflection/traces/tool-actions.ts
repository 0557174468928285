// What a tool call did, across agents: read a file, edit one, search, revert, or something
// else. Claude Code (Read/Edit/Grep...), Gemini CLI (read_file/replace/search_file_content...),
// Codex (shell commands and apply_patch) and generic OTel tool names all map to these.
import { asNumber, asRecord, asString, type ToolCall } from './trace-types';

export type ToolAction =
  | { kind: 'read'; path: string; range: string }
  | { kind: 'edit'; path: string; before?: string; after?: string }
  | { kind: 'revert'; path: string }
  | { kind: 'search'; query: string }
  | { kind: 'other' };

const READ_TOOLS = new Set([
  'read',
  'read_file',
  'readfile',
  'view',
  'open_file',
  'view_file',
  'notebookread',
  'get_file_contents',
]);
const EDIT_TOOLS = new Set([
  'edit',
  'multiedit',
  'write',
  'write_file',
  'replace',
  'edit_file',
  'str_replace',
  'create_file',
  'notebookedit',
  'insert',
]);
const SEARCH_TOOLS = new Set([
  'grep',
  'glob',
  'search_file_content',
  'grep_search',
  'file_search',
  'find_files',
  'codebase_search',
  'search_files',
  'ripgrep',
  'list_files_matching',
]);
const SHELL_TOOLS = new Set([
  'bash',
  'shell',
  'run_shell_command',
  'exec_command',
  'local_shell',
  'run_terminal_cmd',
  'execute_command',
  'terminal',
  'container.exec',
]);

export function normaliseToolName(name: string): string {
  const lower = name.toLowerCase();
  const parts = lower.split(/__|\//);
  return parts[parts.length - 1] ?? lower;
}

export function normalisePath(raw: string): string {
  let p = raw
    .trim()
    .replace(/\\/g, '/')
    .replace(/^["']|["']$/g, '');
  while (p.startsWith('./')) p = p.slice(2);
  return p.replace(/\/{2,}/g, '/');
}

function pathOf(input: Record<string, unknown>): string | undefined {
  for (const key of [
    'file_path',
    'absolute_path',
    'path',
    'filePath',
    'target_file',
    'filename',
    'file',
    'notebook_path',
  ]) {
    const value = asString(input[key]);
    if (value) return normalisePath(value);
  }
  return undefined;
}

/** The shell command text of a call (`["bash","-lc","rg x"]` -> `rg x`). */
export function commandText(input: Record<string, unknown>): string | undefined {
  const command = input.command ?? input.cmd;
  if (typeof command === 'string') return command;
  if (Array.isArray(command)) {
    const parts = command.map(String);
    if (
      parts.length >= 3 &&
      /(^|\/)(ba|z)?sh$/.test(parts[0] ?? '') &&
      /^-l?c$/.test(parts[1] ?? '')
    )
      return parts.slice(2).join(' ');
    return parts.join(' ');
  }
  return undefined;
}

function shellWords(segment: string): string[] {
  return (segment.match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map((w) => w.replace(/^["']|["']$/g, ''));
}

/** Parses an apply_patch envelope into per-file before/after text. */
export function patchEdits(patch: string): ToolAction[] {
  const edits: { kind: 'edit'; path: string; before: string[]; after: string[] }[] = [];
  let current: (typeof edits)[number] | undefined;
  for (const line of patch.split('\n')) {
    const header = /^\*\*\* (?:Update|Add|Delete) File: (.+)$/.exec(line.trim());
    if (header) {
      current = { kind: 'edit', path: normalisePath(header[1] as string), before: [], after: [] };
      edits.push(current);
    } else if (current && line.startsWith('+') && !line.startsWith('+++'))
      current.after.push(line.slice(1));
    else if (current && line.startsWith('-') && !line.startsWith('---'))
      current.before.push(line.slice(1));
  }
  return edits.map((e) => ({
    kind: 'edit',
    path: e.path,
    before: e.before.join('\n'),
    after: e.after.join('\n'),
  }));
}

function shellActions(command: string): ToolAction[] {
  if (/\bapply_patch\b/.test(command) && command.includes('*** Begin Patch'))
    return patchEdits(command);
  const actions: ToolAction[] = [];
  for (const rawSegment of command.split(/&&|\|\||;|\n/)) {
    const segment = rawSegment.trim();
    if (segment === '' || /^cd\s/.test(segment)) continue;
    const firstStage = segment.split('|')[0]?.trim() ?? '';
    const piped = segment.includes('|');
    const words = shellWords(firstStage);
    const program = words[0] ?? '';
    const args = words.slice(1);
    const operands = args.filter((w) => !w.startsWith('-'));
    if (program === 'git' && (args[0] === 'checkout' || args[0] === 'restore')) {
      const dash = args.indexOf('--');
      const files =
        dash >= 0
          ? args.slice(dash + 1)
          : args.slice(1).filter((w) => !w.startsWith('-') && /[./]/.test(w));
      for (const f of files) actions.push({ kind: 'revert', path: normalisePath(f) });
      continue;
    }
    if (
      ['rg', 'grep', 'egrep', 'fgrep', 'ag', 'ack', 'fd', 'find'].includes(program) ||
      (program === 'git' && args[0] === 'grep')
    ) {
      actions.push({ kind: 'search', query: firstStage });
      continue;
    }
    if (
      !piped &&
      ['cat', 'head', 'tail', 'nl', 'less', 'more', 'bat'].includes(program) &&
      operands.length >= 1
    ) {
      const path = operands[operands.length - 1] as string;
      actions.push({
        kind: 'read',
        path: normalisePath(path),
        range: args.filter((w) => w !== path).join(' '),
      });
      continue;
    }
    if (!piped && program === 'sed' && args.includes('-n') && operands.length >= 2) {
      const path = operands[operands.length - 1] as string;
      actions.push({
        kind: 'read',
        path: normalisePath(path),
        range: operands.slice(0, -1).join(' '),
      });
      continue;
    }
  }
  return actions.length > 0 ? actions : [{ kind: 'other' }];
}

function rangeOf(input: Record<string, unknown>): string {
  const parts = ['offset', 'limit', 'start_line', 'end_line', 'view_range', 'lines', 'pages']
    .filter((k) => input[k] !== undefined)
    .map((k) => `${k}=${JSON.stringify(input[k])}`);
  return parts.join(' ');
}

export function actionsOf(call: ToolCall): ToolAction[] {
  const name = normaliseToolName(call.name);
  const input = call.input;
  if (name === 'apply_patch') {
    const text = asString(input.input) ?? asString(input.patch) ?? commandText(input) ?? '';
    const changes = Array.isArray(input.changes) ? input.changes : [];
    if (text) return patchEdits(text);
    return changes.map((c) => ({
      kind: 'edit',
      path: normalisePath(asString(asRecord(c)?.path) ?? ''),
    }));
  }
  if (
    name === 'str_replace_editor' ||
    name === 'str_replace_based_edit_tool' ||
    name === 'text_editor'
  ) {
    const path = pathOf(input) ?? '';
    if (input.command === 'view') return [{ kind: 'read', path, range: rangeOf(input) }];
    return [
      {
        kind: 'edit',
        path,
        before: asString(input.old_str),
        after: asString(input.new_str) ?? asString(input.file_text),
      },
    ];
  }
  if (READ_TOOLS.has(name)) {
    const path = pathOf(input);
    return path ? [{ kind: 'read', path, range: rangeOf(input) }] : [{ kind: 'other' }];
  }
  if (name === 'read_many_files' && Array.isArray(input.paths)) {
    return input.paths.map((p) => ({ kind: 'read', path: normalisePath(String(p)), range: '' }));
  }
  if (EDIT_TOOLS.has(name)) {
    const path = pathOf(input) ?? '';
    if (Array.isArray(input.edits)) {
      return input.edits.map((e) => ({
        kind: 'edit',
        path,
        before: asString(asRecord(e)?.old_string),
        after: asString(asRecord(e)?.new_string),
      }));
    }
    return [
      {
        kind: 'edit',
        path,
        before: asString(input.old_string) ?? asString(input.old_str),
        after: asString(input.new_string) ?? asString(input.new_str) ?? asString(input.content),
      },
    ];
  }
  if (SEARCH_TOOLS.has(name)) {
    return [{ kind: 'search', query: JSON.stringify(input) }];
  }
  if (SHELL_TOOLS.has(name)) {
    const command = commandText(input);
    return command ? shellActions(command) : [{ kind: 'other' }];
  }
  return [{ kind: 'other' }];
}

const ZERO_RESULTS = /^(no (files|matches|results)( found)?|found 0 |0 (files|matches|results))/i;

/** How many results a search returned: explicit counts first, then the output text. */
export function searchResultCount(call: ToolCall): number {
  if (call.resultCount !== undefined) return call.resultCount;
  const text = call.output.trim();
  if (text === '' || ZERO_RESULTS.test(text)) return 0;
  if (
    call.exitCode === 1 &&
    text
      .split('\n')
      .every((l) => l.trim() === '' || /^(exit code|wall time|output)/i.test(l.trim()))
  )
    return 0;
  const found = /found (\d+) (?:files?|matches?)/i.exec(text);
  if (found) return Number(found[1]);
  return text.split('\n').filter((l) => l.trim() !== '').length;
}

/** A failure of the tool itself (a search that found nothing is not one). */
export function callFailed(call: ToolCall): boolean {
  if (call.status !== 'error') return false;
  const searching = actionsOf(call).some((a) => a.kind === 'search');
  return !(searching && call.exitCode === 1 && searchResultCount(call) === 0);
}

/** Rough token cost of a call: its arguments and its result in context (4 characters a token). */
export function callTokens(call: ToolCall): number {
  return Math.ceil((JSON.stringify(call.input).length + call.outputChars) / 4);
}

const IGNORED_KEYS = new Set([
  'description',
  'explanation',
  'timeout',
  'timeout_ms',
  'workdir',
  'justification',
]);

/** Identity of a call for "the same call again": tool name and arguments, minus commentary. */
export function callSignature(call: ToolCall): string {
  const stable = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(stable);
    const record = asRecord(value);
    if (!record) return value;
    return Object.fromEntries(
      Object.keys(record)
        .filter((k) => !IGNORED_KEYS.has(k))
        .sort()
        .map((k) => [k, stable(record[k])]),
    );
  };
  return `${normaliseToolName(call.name)} ${JSON.stringify(stable(call.input))}`;
}

export const PERMISSION_PATTERN =
  /permission denied|operation not permitted|\bEACCES\b|\bEPERM\b|sandbox denied|requested permissions|haven't granted|not allowed to|access (?:is )?denied|approval (?:was )?(?:denied|rejected)|doesn't want to proceed|rejected by (?:the )?user|forbidden|\b403\b/i;
export const TIMEOUT_PATTERN =
  /timed out|time(?:d)?-?out after|\btimeout\b|ETIMEDOUT|deadline exceeded/i;

export function errorClass(call: ToolCall): 'permission' | 'timeout' | 'other' | undefined {
  if (!callFailed(call)) return undefined;
  if (PERMISSION_PATTERN.test(call.output)) return 'permission';
  if (TIMEOUT_PATTERN.test(call.output) || asNumber(call.exitCode) === 124) return 'timeout';
  return 'other';
}

/** One line of evidence text for a call. */
export function describeCall(call: ToolCall): string {
  const command = commandText(call.input);
  const path = pathOf(call.input);
  const subject = command ?? path ?? JSON.stringify(call.input);
  const short = subject.length > 120 ? `${subject.slice(0, 117)}...` : subject;
  return `${call.name} \`${short.replace(/`/g, "'").replace(/\s+/g, ' ')}\``;
}

export function firstLine(text: string, max = 140): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > max ? `${line.slice(0, max - 3)}...` : line;
}
