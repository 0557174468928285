// pyproject.toml: PEP 621 `[project]` dependencies and optional-dependencies, PEP 735
// `[dependency-groups]`, Poetry `[tool.poetry.*dependencies]`; exact versions from poetry.lock / uv.lock.
import type { Dependency, ParseResult } from '../model';
import { normalisePythonName, parseRequirement, pinnedVersion, poetryToPep440 } from './pep508';
import { readToml, table } from './toml-file';

const DEV_GROUP = /^(dev|develop|development|test|tests|testing|lint|linting|docs?|typing|ci)$/i;

function lineOf(text: string, needle: string): number | undefined {
  const index = text.search(
    new RegExp(`["']?${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(["'\\s\\[=<>~!;]|$)`, 'im'),
  );
  return index < 0 ? undefined : text.slice(0, index).split('\n').length;
}

function fromPep508List(
  list: unknown,
  file: string,
  text: string,
  dev: boolean,
  group?: string,
): Dependency[] {
  if (!Array.isArray(list)) return [];
  const out: Dependency[] = [];
  for (const item of list) {
    if (typeof item !== 'string') continue; // PEP 735 `{include-group = ...}`
    const requirement = parseRequirement(item);
    if (!requirement || requirement.url) continue;
    out.push({
      ecosystem: 'PyPI',
      name: requirement.name,
      file,
      line: lineOf(text, item.split(/[\s[;<>=~!]/)[0]!),
      range: requirement.specifier || undefined,
      version: pinnedVersion(requirement.specifier),
      direct: true,
      dev,
      ...(group ? { notes: [`group: ${group}`] } : {}),
    });
  }
  return out;
}

function fromPoetryTable(
  deps: unknown,
  file: string,
  text: string,
  dev: boolean,
  group?: string,
): Dependency[] {
  const out: Dependency[] = [];
  for (const [rawName, value] of Object.entries(table(deps))) {
    if (rawName.toLowerCase() === 'python') continue;
    const spec =
      typeof value === 'string'
        ? value
        : typeof table(value).version === 'string'
          ? (table(value).version as string)
          : undefined;
    if (spec === undefined) continue; // git / path / url dependencies
    const specifier = poetryToPep440(spec);
    out.push({
      ecosystem: 'PyPI',
      name: normalisePythonName(rawName),
      file,
      line: lineOf(text, rawName),
      range: specifier || undefined,
      version: pinnedVersion(specifier),
      direct: true,
      dev: dev || table(value).optional === true,
      ...(group ? { notes: [`group: ${group}`] } : {}),
    });
  }
  return out;
}

interface LockedPackage {
  name: string;
  version: string;
}

/** poetry.lock and uv.lock both list `[[package]]` tables with name and version. */
export function parsePythonLock(
  file: string,
  text: string,
): { packages: LockedPackage[]; problems: ParseResult['problems'] } {
  const problems: ParseResult['problems'] = [];
  const doc = readToml(file, text, problems);
  const packages: LockedPackage[] = [];
  for (const entry of Array.isArray(doc?.package) ? (doc.package as unknown[]) : []) {
    const pkg = table(entry);
    const source = table(pkg.source);
    if (typeof pkg.name !== 'string' || typeof pkg.version !== 'string') continue;
    if (source.editable !== undefined || source.virtual !== undefined) continue; // the project itself
    packages.push({ name: normalisePythonName(pkg.name), version: pkg.version });
  }
  return { packages, problems };
}

export function parsePyproject(
  manifest: { file: string; text: string },
  lock?: { file: string; text: string },
): ParseResult {
  const problems: ParseResult['problems'] = [];
  const doc = readToml(manifest.file, manifest.text, problems);
  const { file, text } = manifest;
  const direct: Dependency[] = [];
  if (doc) {
    const project = table(doc.project);
    direct.push(...fromPep508List(project.dependencies, file, text, false));
    for (const [group, list] of Object.entries(table(project['optional-dependencies']))) {
      direct.push(...fromPep508List(list, file, text, DEV_GROUP.test(group), `extra ${group}`));
    }
    for (const [group, list] of Object.entries(table(doc['dependency-groups']))) {
      direct.push(...fromPep508List(list, file, text, true, group));
    }
    const poetry = table(table(doc.tool).poetry);
    direct.push(...fromPoetryTable(poetry.dependencies, file, text, false));
    direct.push(...fromPoetryTable(poetry['dev-dependencies'], file, text, true, 'dev'));
    for (const [group, value] of Object.entries(table(poetry.group))) {
      direct.push(
        ...fromPoetryTable(
          table(value).dependencies,
          file,
          text,
          DEV_GROUP.test(group) || group !== 'main',
          group,
        ),
      );
    }
  }
  const seen = new Set<string>();
  const dependencies = direct.filter((d) =>
    seen.has(`${d.name}|${d.dev}`) ? false : (seen.add(`${d.name}|${d.dev}`), true),
  );
  if (lock) {
    const locked = parsePythonLock(lock.file, lock.text);
    problems.push(...locked.problems);
    const byName = new Map(locked.packages.map((p) => [p.name, p.version]));
    for (const dep of dependencies) {
      const version = byName.get(dep.name);
      if (version) {
        dep.version = version;
        dep.lockfile = lock.file;
      }
    }
    const declared = new Set(dependencies.map((d) => d.name));
    for (const pkg of locked.packages) {
      if (declared.has(pkg.name)) continue;
      dependencies.push({
        ecosystem: 'PyPI',
        name: pkg.name,
        file: lock.file,
        version: pkg.version,
        direct: false,
        dev: false,
        lockfile: lock.file,
      });
    }
  }
  return { dependencies, problems };
}
