// PEP 508 requirement strings (`name[extra] >=1,<2 ; python_version < "3.11"`) and PEP 503 names.

export interface Requirement {
  name: string;
  extras: string[];
  /** PEP 440 specifier set, '' when any version. */
  specifier: string;
  marker?: string;
  /** `name @ https://...` direct references: not resolvable against the registry. */
  url?: string;
}

/** PEP 503 normalised project name. */
export function normalisePythonName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

const REQUIREMENT = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[([^\]]*)\])?\s*(.*)$/s;

/** Parses one requirement; undefined when the text is not a requirement. */
export function parseRequirement(text: string): Requirement | undefined {
  const match = REQUIREMENT.exec(text.trim());
  if (!match) return undefined;
  let rest = match[3]!.trim();
  let marker: string | undefined;
  let url: string | undefined;
  if (rest.startsWith('@')) {
    const at = rest.slice(1).trim();
    const semicolon = at.search(/\s;/);
    url = (semicolon >= 0 ? at.slice(0, semicolon) : at).trim();
    if (semicolon >= 0) marker = at.slice(semicolon).replace(/^\s*;/, '').trim();
    rest = '';
  } else {
    const semicolon = rest.indexOf(';');
    if (semicolon >= 0) {
      marker = rest.slice(semicolon + 1).trim();
      rest = rest.slice(0, semicolon).trim();
    }
  }
  if (rest.startsWith('(') && rest.endsWith(')')) rest = rest.slice(1, -1).trim();
  if (rest !== '' && !/^(~=|===|==|!=|<=|>=|<|>)/.test(rest)) return undefined;
  return {
    name: normalisePythonName(match[1]!),
    extras: (match[2] ?? '')
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean),
    specifier: rest.replace(/\s+/g, ''),
    marker,
    url,
  };
}

/** The exact version a specifier pins (`==1.2.3`, `===1.2.3`), if it pins one. */
export function pinnedVersion(specifier: string): string | undefined {
  const match = /^===?([^,*]+)$/.exec(specifier);
  return match ? match[1] : undefined;
}

/** Converts a Poetry constraint (`^1.2`, `~1.2.3`, `1.2.*`, `>=1,<2`, `*`) to a PEP 440 specifier. */
export function poetryToPep440(constraint: string): string {
  const parts = constraint
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const out: string[] = [];
  for (const part of parts) {
    if (part === '*' || part === '') continue;
    const caret = /^\^\s*(\d+(?:\.\d+)*)/.exec(part);
    const tilde = /^~(?!=)\s*(\d+(?:\.\d+)*)/.exec(part);
    if (caret) {
      const nums = caret[1]!.split('.').map(Number);
      const first = nums.findIndex((n) => n !== 0);
      const bumpAt = first < 0 ? nums.length - 1 : first;
      const upper = nums.slice(0, bumpAt + 1);
      upper[bumpAt] = upper[bumpAt]! + 1;
      out.push(`>=${caret[1]}`, `<${upper.join('.')}`);
    } else if (tilde) {
      const nums = tilde[1]!.split('.').map(Number);
      const upper = nums.length === 1 ? [nums[0]! + 1] : [nums[0]!, nums[1]! + 1];
      out.push(`>=${tilde[1]}`, `<${upper.join('.')}`);
    } else if (/^\d/.test(part)) {
      out.push(`==${part}`);
    } else {
      out.push(part.replace(/\s+/g, ''));
    }
  }
  return out.join(',');
}
