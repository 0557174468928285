// npm: package.json ranges + package-lock.json (v1, v2, v3) exact installed versions.
import type { Dependency, ParseResult } from '../model';
import { jsonErrorLine, jsonKeyLine } from './text-position';

interface ManifestDeps {
  /** name -> { range, dev } for registry dependencies declared in package.json. */
  declared: Map<string, { range: string; dev: boolean; line?: number }>;
}

const SECTIONS: [string, boolean][] = [
  ['dependencies', false],
  ['optionalDependencies', false],
  ['devDependencies', true],
];

/** A registry spec (`^1.2.3`, `latest`, `npm:other@^2`); git, file, link and URL specs are not. */
export function registrySpec(
  name: string,
  spec: string,
): { name: string; range: string } | undefined {
  if (spec.startsWith('npm:')) {
    const target = spec.slice(4);
    const at = target.lastIndexOf('@');
    return at > 0
      ? { name: target.slice(0, at), range: target.slice(at + 1) }
      : { name: target, range: '*' };
  }
  if (/^(file|link|workspace|git\+?[a-z]*|https?|github|gitlab|bitbucket|portal|patch):/.test(spec))
    return undefined;
  if (/^[^@\s/]+\/[^\s/]+(#.*)?$/.test(spec) && !/^[<>=~^\d*]/.test(spec)) return undefined; // owner/repo shorthand
  return { name, range: spec };
}

function readJson(
  file: string,
  text: string,
  problems: ParseResult['problems'],
): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value))
      return value as Record<string, unknown>;
    problems.push({ file, line: 1, message: `${file} is not a JSON object` });
  } catch (error) {
    problems.push({
      file,
      line: jsonErrorLine(text, error),
      message: `${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  return undefined;
}

function manifestDeps(text: string, json: Record<string, unknown>): ManifestDeps {
  const declared: ManifestDeps['declared'] = new Map();
  for (const [section, dev] of SECTIONS) {
    const deps = json[section];
    if (!deps || typeof deps !== 'object') continue;
    const sectionAt = text.indexOf(JSON.stringify(section));
    for (const [name, spec] of Object.entries(deps as Record<string, unknown>)) {
      if (typeof spec !== 'string') continue;
      const registry = registrySpec(name, spec);
      if (!registry || declared.has(name)) continue;
      declared.set(name, {
        range: registry.range,
        dev,
        line: jsonKeyLine(text, name, Math.max(0, sectionAt)),
      });
    }
  }
  return { declared };
}

interface LockEntry {
  name: string;
  version: string;
  /** Top-level install location (`node_modules/<name>`). */
  topLevel: boolean;
  dev: boolean;
  /** Where npm installs it (`packages` key of lockfile v2/v3); absent for lockfile v1. */
  location?: string;
}

function lockEntries(json: Record<string, unknown>): LockEntry[] {
  const entries: LockEntry[] = [];
  const packages = json.packages as Record<string, Record<string, unknown>> | undefined;
  if (packages && typeof packages === 'object') {
    for (const [location, entry] of Object.entries(packages)) {
      if (!location.includes('node_modules/') || !entry || entry.link === true) continue;
      const index = location.lastIndexOf('node_modules/');
      const name =
        typeof entry.name === 'string'
          ? entry.name
          : location.slice(index + 'node_modules/'.length);
      if (typeof entry.version !== 'string') continue;
      entries.push({
        name,
        version: entry.version,
        topLevel: index === 0 && !location.slice('node_modules/'.length).includes('/node_modules/'),
        dev: entry.dev === true,
        location,
      });
    }
    return entries;
  }
  // lockfileVersion 1: nested `dependencies` objects.
  const walk = (deps: unknown, depth: number) => {
    if (!deps || typeof deps !== 'object') return;
    for (const [name, value] of Object.entries(deps as Record<string, Record<string, unknown>>)) {
      if (!value || typeof value.version !== 'string') continue;
      const version = value.version.startsWith('npm:')
        ? value.version.slice(value.version.lastIndexOf('@') + 1)
        : value.version;
      if (/^(file|git|https?|github):/.test(version)) continue;
      entries.push({ name, version, topLevel: depth === 0, dev: value.dev === true });
      walk(value.dependencies, depth + 1);
    }
  };
  walk(json.dependencies, 0);
  return entries;
}

/**
 * Parses one npm project. Direct = declared in package.json (and, with a lockfile, its
 * top-level installed version); transitive = every other installed package in the lockfile.
 */
/** Whether a lockfile v2/v3 lists `member` (a folder relative to it) as one of its workspaces. */
export function lockHasWorkspace(lockText: string, member: string): boolean {
  try {
    const packages = (JSON.parse(lockText) as { packages?: Record<string, unknown> }).packages;
    return !!packages && typeof packages === 'object' && member in packages;
  } catch {
    return false;
  }
}

/**
 * Parses one npm project. With `workspace` (the member's folder relative to the lockfile), the
 * manifest is a workspace member of the project whose lockfile is given: its dependencies are
 * found where npm installs them (the member's own `node_modules`, else hoisted to the root), and
 * the transitive ones are left to the root project, which lists them all.
 */
export function parseNpmProject(
  manifest: { file: string; text: string },
  lock?: { file: string; text: string },
  workspace?: string,
): ParseResult {
  const problems: ParseResult['problems'] = [];
  const dependencies: Dependency[] = [];
  const json = readJson(manifest.file, manifest.text, problems);
  const declared = json
    ? manifestDeps(manifest.text, json).declared
    : new Map<string, { range: string; dev: boolean; line?: number }>();
  // A member's problems with the shared lockfile are the root's to report.
  const lockJson = lock ? readJson(lock.file, lock.text, workspace ? [] : problems) : undefined;
  const entries = lockJson ? lockEntries(lockJson) : [];
  const topLevel = new Map(entries.filter((e) => e.topLevel).map((e) => [e.name, e]));
  const byLocation = new Map(entries.map((e) => [e.location, e]));
  const installedOf = (name: string) =>
    workspace
      ? (byLocation.get(`${workspace}/node_modules/${name}`) ??
        byLocation.get(`node_modules/${name}`))
      : topLevel.get(name);
  for (const [name, info] of declared) {
    const installed = installedOf(name);
    dependencies.push({
      ecosystem: 'npm',
      name,
      file: manifest.file,
      line: info.line,
      range: info.range,
      version: installed?.version,
      direct: true,
      dev: info.dev,
      lockfile: installed ? lock?.file : undefined,
    });
  }
  if (workspace) return { dependencies, problems };
  for (const entry of entries) {
    if (entry.topLevel && declared.has(entry.name)) continue;
    dependencies.push({
      ecosystem: 'npm',
      name: entry.name,
      file: lock!.file,
      version: entry.version,
      direct: false,
      dev: entry.dev,
      lockfile: lock!.file,
    });
  }
  return { dependencies, problems };
}
