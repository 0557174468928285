// Text edits of Python manifests that keep everything else on the line: a requirements pin
// (`name==1.2.3 ; marker  # comment`), a PEP 508 string or a Poetry constraint in pyproject.toml.
import * as pep440 from '@renovatebot/pep440';
import { normalisePythonName, parseRequirement, poetryToPep440 } from './parse/pep508';

export type EditResult = { text: string; changed: boolean } | { error: string };

/** Whether `version` satisfies a PEP 440 specifier ('' allows everything). */
export function allows(specifier: string, version: string): boolean {
  if (specifier.trim() === '') return true;
  try {
    return pep440.satisfies(version, specifier);
  } catch {
    return false;
  }
}

const components = (v: string) => v.split('.').length;
const prefix = (v: string, n: number) => v.split('.').slice(0, n).join('.');

/**
 * The specifier moved just enough to allow `to`, in the style it was written in (`==1.2.3`
 * -> `==1.2.4`, `^1.2` -> `^1.3`, `~=1.2` -> `~=1.3`); an error for an upper bound or an exclusion.
 */
export function widenSpecifier(
  specifier: string,
  to: string,
  style: 'pep440' | 'poetry',
): string | { error: string } {
  const pep = style === 'poetry' ? poetryToPep440(specifier) : specifier;
  if (allows(pep, to)) return specifier;
  const clauses = specifier.split(',').map((c) => c.trim());
  const out: string[] = [];
  for (const clause of clauses) {
    const clausePep = style === 'poetry' ? poetryToPep440(clause) : clause;
    if (clause === '' || allows(clausePep, to)) {
      out.push(clause);
      continue;
    }
    const m = /^(\^|~=|~|===|==|)\s*([0-9][^,\s]*)$/.exec(clause);
    if (!m || (m[1] === '' && style !== 'poetry')) {
      return {
        error: `the constraint \`${specifier}\` excludes ${to} (\`${clause}\`); widen it by hand`,
      };
    }
    const [, op, old] = m as unknown as [string, string, string];
    if (old.endsWith('.*')) {
      out.push(`${op}${prefix(to, components(old) - 1)}.*`);
    } else if (op === '~=' || op === '~' || op === '^') {
      out.push(`${op}${components(old) >= components(to) ? to : prefix(to, components(old))}`);
    } else {
      out.push(`${op}${to}`);
    }
  }
  const widened = out.join(style === 'poetry' ? ', ' : ',');
  return allows(style === 'poetry' ? poetryToPep440(widened) : widened, to)
    ? widened
    : { error: `the constraint \`${specifier}\` cannot be moved to allow ${to}; widen it by hand` };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A regex source matching `name` in any PEP 503 spelling (`Foo_Bar`, `foo-bar`, `foo.bar`). */
export const nameSource = (name: string) =>
  normalisePythonName(name).split('-').map(escape).join('[-_.]+');

const CLAUSE = /^(\s*)(~=|===|==|!=|<=|>=|<|>)(\s*)(\S+?)(\s*)$/;

/** `replaced` written with the spacing of `raw` (`== 1.2.3` stays spaced) when clause-wise possible. */
function keepSpacing(raw: string, replaced: string): string {
  const rawClauses = raw.split(',');
  const newClauses = replaced.split(',');
  if (rawClauses.length !== newClauses.length) return replaced;
  const out: string[] = [];
  for (let i = 0; i < rawClauses.length; i++) {
    const r = CLAUSE.exec(rawClauses[i]!);
    const n = CLAUSE.exec(newClauses[i]!);
    if (!r || !n) return replaced;
    out.push(`${r[1]}${n[2]}${r[3]}${n[4]}${r[5]}`);
  }
  return out.join(',');
}

/**
 * Rewrites the specifier of `name` in a requirements file (`.txt` or pip-tools `.in`), keeping
 * extras, markers, comments and line layout. `line` (1-based) selects one requirement when a
 * name repeats. A requirement carrying `--hash` cannot be moved without a tool.
 */
export function rewriteRequirementSpecifier(
  text: string,
  name: string,
  next: (current: string) => string | { error: string },
  line?: number,
): EditResult {
  const lines = text.split('\n');
  const requirement = new RegExp(
    `^(\\s*${nameSource(name)}\\s*(?:\\[[^\\]]*\\])?)(\\s*)((?:[<>=!~][^;#\\\\]*?)?)(\\s*(?:[;#\\\\].*)?)$`,
    'i',
  );
  let changed = false;
  let found = false;
  for (let i = 0; i < lines.length; i++) {
    if (line !== undefined && i + 1 !== line) continue;
    const cr = lines[i]!.endsWith('\r') ? '\r' : '';
    const m = requirement.exec(lines[i]!.slice(0, lines[i]!.length - cr.length));
    if (!m) continue;
    found = true;
    // The requirement's logical line: `\` continuations may carry `--hash` options.
    let end = i;
    while (/\\\s*$/.test(lines[end]!) && end + 1 < lines.length) end++;
    const logical = lines.slice(i, end + 1).join('\n');
    if (/--hash[=\s]/.test(logical.replace(/(^|\s)#.*$/gm, ''))) {
      return {
        error: `${name} is pinned with --hash: new hashes cannot be computed without a tool (compile the file with \`pip-compile --generate-hashes\` from a .in beside it)`,
      };
    }
    const spec = m[3]!.replace(/\s+/g, '');
    const replaced = next(spec);
    if (typeof replaced !== 'string') return replaced;
    if (replaced === spec) continue;
    lines[i] = `${m[1]}${m[2]}${keepSpacing(m[3]!, replaced)}${m[4]}${cr}`;
    changed = true;
  }
  if (!found) return { error: `no requirement for ${name} found${line ? ` on line ${line}` : ''}` };
  return { text: lines.join('\n'), changed };
}

/** Moves the exact `==` pin of `name` in a requirements file to `to`. */
export function rewriteRequirementPin(
  text: string,
  name: string,
  to: string,
  line?: number,
): EditResult {
  return rewriteRequirementSpecifier(
    text,
    name,
    (current) => {
      const pin = /^(===?)[^,]+$/.exec(current);
      return pin
        ? `${pin[1]}${to}`
        : { error: `${name} is not pinned exactly (\`${current || 'any version'}\`)` };
    },
    line,
  );
}

/**
 * Rewrites the version constraint of `name` in pyproject.toml: a PEP 508 string
 * (`"name>=1.2"` in `[project]` lists) or a Poetry entry (`name = "^1.2"`, `name = { version = "^1.2" }`).
 * `next` receives the current constraint and its style and returns the new one.
 */
export function rewritePyprojectConstraint(
  text: string,
  name: string,
  next: (current: string, style: 'pep440' | 'poetry') => string | { error: string },
): EditResult {
  const lines = text.split('\n');
  const n = nameSource(name);
  const pep508 = (q: string) =>
    new RegExp(`(${q})(\\s*${n}\\s*(?:\\[[^\\]]*\\])?\\s*)([^${q};@]*)([^${q}]*)${q}`, 'i');
  const poetryString = new RegExp(`^(\\s*["']?${n}["']?\\s*=\\s*)(["'])([^"']*)\\2`, 'i');
  const poetryTable = new RegExp(
    `^(\\s*["']?${n}["']?\\s*=\\s*\\{[^}]*\\bversion\\s*=\\s*)(["'])([^"']*)\\2`,
    'i',
  );
  let found = false;
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const current = lines[i]!;
    for (const [re, style] of [
      [poetryTable, 'poetry'],
      [poetryString, 'poetry'],
      [pep508('"'), 'pep440'],
      [pep508("'"), 'pep440'],
    ] as const) {
      const m = re.exec(current);
      if (!m) continue;
      if (style === 'pep440') {
        const requirement = parseRequirement(`${m[2]}${m[3]}${m[4]}`);
        if (!requirement || requirement.url) continue;
      }
      found = true;
      const old = m[3]!.trim();
      const replaced = next(old, style);
      if (typeof replaced !== 'string') return replaced;
      if (replaced !== old) {
        const space = /\s*$/.exec(m[3]!)![0];
        const body =
          style === 'pep440'
            ? `${m[1]}${m[2]}${keepSpacing(m[3]!.trim(), replaced)}${space}${m[4]}${m[1]}`
            : `${m[1]}${m[2]}${replaced}${m[2]}`;
        lines[i] = current.replace(re, () => body);
        changed = true;
      }
      break;
    }
  }
  if (!found) return { error: `no constraint for ${name} found` };
  return { text: lines.join('\n'), changed };
}
