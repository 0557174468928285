// pip requirements files: pins, ranges, `-r`/`-c` includes, extras, markers, hashes, comments.
import path from 'node:path';
import type { ParseResult } from '../model';
import { parseRequirement, pinnedVersion } from './pep508';

export type ReadFile = (file: string) => string | undefined;

/** requirements-dev.txt, test-requirements.txt, requirements/lint.txt... */
export function isDevRequirementsFile(file: string): boolean {
  return /(^|[^a-z])(dev|test|tests|testing|lint|docs?|ci|typing)([^a-z]|$)/i.test(
    path.posix.basename(file).replace(/requirements?/i, ''),
  );
}

interface LogicalLine {
  text: string;
  line: number;
}

/** Joins `\` continuations and drops comments (a `#` at the start or after whitespace). */
function logicalLines(text: string): LogicalLine[] {
  const out: LogicalLine[] = [];
  const raw = text.split(/\r?\n/);
  let current = '';
  let start = 0;
  raw.forEach((line, index) => {
    if (current === '') start = index + 1;
    const stripped = line.replace(/(^|\s)#.*$/, '');
    if (/\\\s*$/.test(stripped)) {
      current += stripped.replace(/\\\s*$/, ' ');
      return;
    }
    current += stripped;
    if (current.trim() !== '') out.push({ text: current.trim(), line: start });
    current = '';
  });
  if (current.trim() !== '') out.push({ text: current.trim(), line: start });
  return out;
}

const OPTION_WITH_VALUE =
  /^(-i|--index-url|--extra-index-url|-f|--find-links|--trusted-host|--only-binary|--no-binary|--prefer-binary|--pre|--require-hashes|--use-feature|--no-index)\b/;

/**
 * Parses `file` and the files it includes with `-r` (direct requirements) and `-c`
 * (constraints: they pin versions of requirements declared elsewhere).
 */
export function parseRequirementsFile(
  file: string,
  read: ReadFile,
  seen = new Set<string>(),
): ParseResult {
  const result: ParseResult = { dependencies: [], problems: [] };
  const constraints = new Map<string, string>();
  const visit = (current: string, asConstraint: boolean, dev: boolean): void => {
    if (seen.has(current)) return;
    seen.add(current);
    const text = read(current);
    if (text === undefined) {
      result.problems.push({ file: current, message: `${current} is included but cannot be read` });
      return;
    }
    for (const { text: line, line: number } of logicalLines(text)) {
      const include = /^(-r|--requirement|-c|--constraint)(?:\s+|=)(\S+)/.exec(line);
      if (include) {
        const target = path.posix.normalize(
          path.posix.join(path.posix.dirname(current), include[2]!),
        );
        visit(
          target,
          include[1]!.startsWith('-c') || include[1] === '--constraint',
          isDevRequirementsFile(target),
        );
        continue;
      }
      if (/^(-e|--editable)\b/.test(line) || OPTION_WITH_VALUE.test(line)) continue;
      if (/^(\.|\/|[a-z+]+:\/\/)/i.test(line)) continue; // local paths and bare URLs
      const requirementText = line.replace(/\s+--[a-z-]+(?:=\S+|\s+(?!-)\S+)?/gi, '').trim();
      const requirement = parseRequirement(requirementText);
      if (!requirement) {
        result.problems.push({
          file: current,
          line: number,
          message: `${current}:${number}: cannot read requirement ${JSON.stringify(line.slice(0, 80))}`,
        });
        continue;
      }
      const version = pinnedVersion(requirement.specifier);
      if (asConstraint) {
        if (version) constraints.set(requirement.name, version);
        continue;
      }
      if (requirement.url) continue;
      const notes = [
        ...(requirement.extras.length > 0 ? [`extras: ${requirement.extras.join(', ')}`] : []),
        ...(requirement.marker ? [`marker: ${requirement.marker}`] : []),
      ];
      result.dependencies.push({
        ecosystem: 'PyPI',
        name: requirement.name,
        file: current,
        line: number,
        range: requirement.specifier || undefined,
        version,
        direct: true,
        dev,
        lockfile: version ? current : undefined,
        ...(notes.length > 0 ? { notes } : {}),
      });
    }
  };
  visit(file, false, isDevRequirementsFile(file));
  for (const dep of result.dependencies) {
    if (!dep.version && constraints.has(dep.name)) dep.version = constraints.get(dep.name);
  }
  return result;
}
