// Finds what a doc's inline code and fenced code blocks point at: file paths, symbols,
// CLI flags, environment variables and config keys. Only the shape is judged here; whether
// the code has (or had) the name is decided against the code index and git history.
import type { CodeReference, ReferenceKind } from './model';

interface Hit {
  kind: ReferenceKind;
  text: string;
  name: string;
  /** Offset of `name` within the scanned text. */
  index: number;
}

const PATH_EXTENSIONS =
  /\.(md|mdx|markdown|txt|rst|ts|tsx|mts|cts|js|jsx|mjs|cjs|json|jsonc|ya?ml|toml|ini|cfg|conf|env|py|pyi|go|rs|rb|java|kt|kts|swift|c|h|cc|cpp|hpp|cs|php|sh|bash|zsh|ps1|sql|graphql|proto|html|css|scss|less|vue|svelte|lock|xml|gradle|tf|dockerfile)$/i;

const KEYWORDS = new Set(
  (
    'if for while switch catch function return typeof instanceof new delete void await async yield ' +
    'import export from require class def lambda print elif else try with assert super self this ' +
    'func range len make append map struct interface type var let const package defer go chan select ' +
    'true false null undefined none nil and or not in is of as'
  ).split(' '),
);

const IDENT = /[A-Za-z_$][\w$]*/y;

/** A name distinctive enough to be a code reference when it stands alone in a code span. */
function distinctive(name: string): boolean {
  if (name.length < 3 || KEYWORDS.has(name)) return false;
  return (
    /[a-z0-9][A-Z]/.test(name) ||
    /^[A-Z][a-z0-9]+[A-Z]/.test(name) ||
    /[A-Za-z0-9]_[A-Za-z0-9]/.test(name)
  );
}

function looksLikePath(text: string): boolean {
  if (/\s|:\/\/|^[@~$<{]|[*?{}<>|"'`]|^\/\/|^[A-Za-z]:/.test(text)) return false;
  if (text.includes('/')) {
    const parts = text
      .replace(/^\.\.?\//, '')
      .replace(/\/$/, '')
      .split('/');
    if (parts.some((p) => p === '' || !/^[\w.@+-]+$/.test(p))) return false;
    // `owner/repo@v4`, `a/b` without a dot anywhere are more often names than paths.
    return (
      PATH_EXTENSIONS.test(text) ||
      text.startsWith('./') ||
      text.startsWith('../') ||
      text.endsWith('/')
    );
  }
  return (
    /^[\w.-]+$/.test(text) && PATH_EXTENSIONS.test(text) && !/^\d/.test(text) && text.includes('.')
  );
}

const ENV_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

/** References in one inline code span. */
export function referencesInCodeSpan(raw: string): Hit[] {
  const text = raw.trim();
  const offset = raw.indexOf(text);
  if (text === '') return [];
  if (looksLikePath(text)) {
    const name = text.replace(/^\.\//, '');
    return [{ kind: 'path', text, name, index: offset + text.indexOf(name) }];
  }
  const flag = /^--([A-Za-z][\w-]*[A-Za-z0-9])(?:[= ].*)?$/.exec(text);
  if (flag) return [{ kind: 'flag', text, name: flag[1] as string, index: offset + 2 }];
  const env = /^(?:\$\{?|process\.env\.|os\.environ\[["']|os\.Getenv\(")?([A-Z][A-Z0-9_]*)/.exec(
    text,
  );
  if (
    env &&
    ENV_NAME.test(env[1] as string) &&
    /^(?:\$\{?|process\.env\.|os\.environ\[["']|os\.Getenv\(")?[A-Z0-9_]+(?:\}|["']\]|"\)|=.*)?$/.test(
      text,
    )
  ) {
    const name = env[1] as string;
    return [{ kind: 'env', text, name, index: offset + text.indexOf(name) }];
  }
  const symbol = /^(?:new\s+)?([A-Za-z_$][\w$]*(?:(?:\.|::|#)[A-Za-z_$][\w$]*)*)(\(.*\))?;?$/.exec(
    text,
  );
  if (symbol) {
    const chain = symbol[1] as string;
    const called = symbol[2] !== undefined;
    const start = offset + text.indexOf(chain);
    const segments = [...chain.matchAll(/[A-Za-z_$][\w$]*/g)];
    const dotted = segments.length > 1;
    const configLike = dotted && !called && segments.every((s) => /^[a-z][a-z0-9_]*$/.test(s[0]));
    if (!called && !dotted && !distinctive(chain)) return [];
    return segments
      .filter((s) => s[0].length >= 3 && !KEYWORDS.has(s[0]))
      .map((s) => ({
        kind: configLike ? 'config-key' : 'symbol',
        text,
        name: s[0],
        index: start + (s.index ?? 0),
      }));
  }
  // A command line in a code span: pick out its long flags.
  if (/^[\w./@-]+\s/.test(text)) return flagsIn(raw);
  return [];
}

function flagsIn(line: string): Hit[] {
  const hits: Hit[] = [];
  for (const m of line.matchAll(/(^|[\s'"[(=])--([A-Za-z][\w-]*[A-Za-z0-9])(?=$|[\s'"\]),=])/g)) {
    hits.push({
      kind: 'flag',
      text: `--${m[2]}`,
      name: m[2] as string,
      index: (m.index ?? 0) + (m[1] as string).length + 2,
    });
  }
  return hits;
}

function envsIn(line: string): Hit[] {
  const hits: Hit[] = [];
  for (const m of line.matchAll(/(^|[\s;$({])([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)(?=[=}\s;)]|$)/g)) {
    const name = m[2] as string;
    const before = line.slice(0, m.index ?? 0).trimEnd();
    const assigned = line[(m.index ?? 0) + (m[1] as string).length + name.length] === '=';
    if (
      assigned ||
      m[1] === '$' ||
      m[1] === '{' ||
      before.endsWith('export') ||
      before.endsWith('$')
    ) {
      hits.push({ kind: 'env', text: name, name, index: (m.index ?? 0) + (m[1] as string).length });
    }
  }
  return hits;
}

function codeNamesIn(line: string): Hit[] {
  const hits: Hit[] = [];
  if (/^\s*(#|\/\/)/.test(line)) return flagsIn(line);
  // Calls, member accesses and imported names.
  for (const m of line.matchAll(/(\.|\b)([A-Za-z_$][\w$]*)\s*(\()?/g)) {
    const name = m[2] as string;
    const member = m[1] === '.';
    const call = m[3] !== undefined;
    if (!member && !call) continue;
    if (name.length < 3 || KEYWORDS.has(name)) continue;
    hits.push({
      kind: 'symbol',
      text: name,
      name,
      index: (m.index ?? 0) + (m[1] as string).length,
    });
  }
  const imports = /\bimport\s*\{([^}]*)\}|\bfrom\s+\S+\s+import\s+(.+)$/.exec(line);
  const list = imports?.[1] ?? imports?.[2];
  if (imports && list !== undefined) {
    const base = (imports.index ?? 0) + imports[0].indexOf(list);
    IDENT.lastIndex = 0;
    for (const m of list.matchAll(/[A-Za-z_$][\w$]*/g)) {
      if (m[0] === 'as' || m[0].length < 3 || KEYWORDS.has(m[0])) continue;
      hits.push({ kind: 'symbol', text: m[0], name: m[0], index: base + (m.index ?? 0) });
    }
  }
  return [...hits, ...flagsIn(line).filter((h) => /['"]--/.test(line.slice(h.index - 3, h.index)))];
}

function configKeysIn(line: string, lang: string): Hit[] {
  let m: RegExpExecArray | null = null;
  if (lang === 'json' || lang === 'jsonc' || lang === 'json5')
    m = /^(\s*")([A-Za-z_][\w.-]*)"\s*:/.exec(line);
  else if (lang === 'toml' || lang === 'ini') m = /^(\s*)([A-Za-z_][\w-]*)\s*=/.exec(line);
  else m = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*)\s*:(?:\s|$)/.exec(line);
  if (!m) return [];
  const name = m[2] as string;
  if (name.length < 3) return [];
  return [{ kind: 'config-key', text: name, name, index: (m[1] as string).length }];
}

const SHELL = new Set([
  '',
  'sh',
  'bash',
  'shell',
  'console',
  'zsh',
  'fish',
  'powershell',
  'ps1',
  'cmd',
  'bat',
  'text',
  'txt',
  'sh-session',
  'shellsession',
]);
const CODE = new Set([
  'js',
  'javascript',
  'jsx',
  'mjs',
  'cjs',
  'ts',
  'typescript',
  'tsx',
  'mts',
  'py',
  'python',
  'go',
  'golang',
]);
const CONFIG = new Set(['yaml', 'yml', 'json', 'jsonc', 'json5', 'toml', 'ini']);

/** References on one line of a fenced code block in language `lang` (lower case, may be ''). */
export function referencesInCodeLine(line: string, lang: string): Hit[] {
  if (SHELL.has(lang)) return [...flagsIn(line), ...envsIn(line)];
  if (CODE.has(lang)) return [...codeNamesIn(line), ...(/env/i.test(line) ? envsIn(line) : [])];
  if (CONFIG.has(lang)) return [...configKeysIn(line, lang), ...envsIn(line)];
  return [];
}

/** Turns hits found in a slice starting at `base` of the doc into located references. */
export function locate(
  hits: Hit[],
  base: number,
  lineOf: (offset: number) => number,
): CodeReference[] {
  return hits.map((h) => ({
    kind: h.kind,
    text: h.text,
    name: h.name,
    start: base + h.index,
    end: base + h.index + h.name.length,
    line: lineOf(base + h.index),
  }));
}
