// Adds one rule to an ESLint config by careful textual insertion (flat `eslint.config.*`, legacy
// `.eslintrc.json` / `.eslintrc.js` / `.eslintrc.yml`), keeping comments and layout.
import type { LinterConfig } from './detect-linters';
import type { EslintRule } from './theme-rules';

export interface EslintEdit {
  text: string;
  changed: boolean;
  /** Why nothing was changed, when nothing was. */
  reason?: string;
}

function quoteStyle(text: string): "'" | '"' {
  const single = (text.match(/'/g) ?? []).length;
  const double = (text.match(/"/g) ?? []).length;
  return single >= double ? "'" : '"';
}

function jsValue(value: string, quote: "'" | '"'): string {
  return quote === "'" ? value : value.replace(/'/g, '"');
}

function indentAfter(text: string, index: number, fallback: string): string {
  const next = text.slice(index).match(/\n([ \t]+)\S/);
  return next?.[1] ?? fallback;
}

/** Position right after the `{` of the first `rules: {` (JS) or `"rules": {` (JSON). */
function rulesObject(text: string): number | undefined {
  const match = /(^|[\s,{])["']?rules["']?\s*:\s*\{/m.exec(text);
  return match ? match.index + match[0].length : undefined;
}

function insertInObject(text: string, at: number, entry: string): string {
  const closesImmediately = /^\s*\}/.test(text.slice(at));
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const outer = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
  const indent = closesImmediately ? `${outer}  ` : indentAfter(text, at, `${outer}  `);
  if (closesImmediately) {
    const close = text.indexOf('}', at);
    return `${text.slice(0, at)}\n${indent}${entry}\n${outer}${text.slice(close)}`;
  }
  return `${text.slice(0, at)}\n${indent}${entry}${text.slice(at)}`;
}

function editJs(text: string, rule: EslintRule): EslintEdit {
  const q = quoteStyle(text);
  const entry = `${q}${rule.rule}${q}: ${jsValue(rule.value, q)},`;
  const at = rulesObject(text);
  if (at !== undefined) return { text: insertInObject(text, at, entry), changed: true };
  // No rules object: append a config object at the end of the exported array.
  const end = /\](\s*\))?\s*;?\s*$/.exec(text);
  if (!end)
    return { text, changed: false, reason: 'no `rules` object and no exported config array found' };
  const before = text.slice(0, end.index).replace(/\s*$/, '');
  const sep = before.endsWith(',') || before.endsWith('[') ? '' : ',';
  const block = `\n  {\n    rules: {\n      ${entry}\n    },\n  },\n`;
  return { text: `${before}${sep}${block}${text.slice(end.index)}`, changed: true };
}

function toJsonValue(value: string): string {
  return value.replace(/'/g, '"').replace(/([{,])\s*(\w+)\s*:/g, '$1 "$2":');
}

function editJson(text: string, rule: EslintRule): EslintEdit {
  const value = toJsonValue(rule.value);
  const at = rulesObject(text);
  if (at !== undefined) {
    const empty = /^\s*\}/.test(text.slice(at));
    return {
      text: insertInObject(text, at, `"${rule.rule}": ${value}${empty ? '' : ','}`),
      changed: true,
    };
  }
  const open = text.indexOf('{');
  if (open < 0) return { text, changed: false, reason: 'not a JSON object' };
  const indent = indentAfter(text, open + 1, '  ');
  const empty = /^\{\s*\}$/.test(text.trim());
  const block = `\n${indent}"rules": {\n${indent}${indent}"${rule.rule}": ${value}\n${indent}}${empty ? '\n' : ','}`;
  const rest = empty ? text.slice(text.indexOf('}', open)) : text.slice(open + 1);
  return { text: `${text.slice(0, open + 1)}${block}${rest}`, changed: true };
}

function editYaml(text: string, rule: EslintRule): EslintEdit {
  const value = rule.value.startsWith("'") ? rule.value.slice(1, -1) : rule.value.replace(/'/g, '');
  const match = /^rules:[ \t]*$/m.exec(text);
  if (match) {
    const at = match.index + match[0].length;
    const indent = indentAfter(text, at, '  ');
    return {
      text: `${text.slice(0, at)}\n${indent}${rule.rule}: ${value}${text.slice(at)}`,
      changed: true,
    };
  }
  const sep = text.endsWith('\n') ? '' : '\n';
  return { text: `${text}${sep}rules:\n  ${rule.rule}: ${value}\n`, changed: true };
}

export function addEslintRule(config: LinterConfig, rule: EslintRule): EslintEdit {
  const text = config.text;
  if (
    new RegExp(
      `["']${rule.rule.replace(/[/@.-]/g, '\\$&')}["']|^\\s*${rule.rule.replace(/[/@.-]/g, '\\$&')}:`,
      'm',
    ).test(text)
  ) {
    return { text, changed: false, reason: `\`${rule.rule}\` is already configured` };
  }
  if (rule.plugin && !text.includes(rule.plugin.replace(/^@/, ''))) {
    return { text, changed: false, reason: `the config does not load ${rule.plugin}` };
  }
  if (config.format === 'json') return editJson(text, rule);
  if (config.format === 'yaml') return editYaml(text, rule);
  return editJs(text, rule);
}
