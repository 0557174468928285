// Finds the manifests and lockfiles in a checkout and parses them; an unreadable file
// becomes a problem naming it, the others are still parsed.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { minimatch } from 'minimatch';
import type { Ecosystem } from './inputs';
import type { Dependency, ParseProblem } from './model';
import { parseGoMod } from './parse/go-mod';
import { lockHasWorkspace, parseNpmProject } from './parse/npm';
import { parsePyproject } from './parse/pyproject';
import { parseRequirementsFile } from './parse/python-requirements';
import { parseWorkflow } from './parse/workflows';
import { pipCompileOrigin } from './python-project';

export interface NpmProject {
  /** Repo-relative directory ('' for the root). */
  dir: string;
  manifest: string;
  lockfile?: string;
  /** For an npm workspace member: the root's directory, where its lockfile and installs live. */
  workspaceRoot?: string;
}

export interface Inventory {
  dependencies: Dependency[];
  problems: ParseProblem[];
  /** Files parsed, repo-relative. */
  files: string[];
  npmProjects: NpmProject[];
}

const SKIP_DIRS = new Set([
  '.git',
  'node_modules',
  '.venv',
  'venv',
  '__pycache__',
  'vendor',
  'dist',
  'build',
  '.tox',
]);
const REQUIREMENTS = /^(requirements.*\.txt|.*-requirements\.txt|constraints.*\.txt)$/i;
/** `requirements/base.txt`, `requirements-dev/test.txt`: any text file in a requirements folder. */
const REQUIREMENTS_DIR = /(^|\/)requirements[^/]*\/[^/]+\.txt$/i;

function listFiles(root: string, exclude: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(path.join(root, dir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (exclude.some((glob) => minimatch(rel, glob, { dot: true }))) continue;
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name) || (entry.name === '.github' && dir === '')) walk(rel);
      } else if (entry.isFile()) out.push(rel);
    }
  };
  walk('');
  return out.sort();
}

/** The `.in` a pip-compile output was compiled from, when it is in the checkout. */
function compiledFrom(
  file: string,
  read: (rel: string) => string | undefined,
  exists: (rel: string) => boolean,
): string | undefined {
  const source = pipCompileOrigin(file, read(file) ?? '', exists)?.source;
  return source && exists(source) ? source : undefined;
}

/**
 * A pip-compile output pins everything; what was asked for is in its `.in`. Packages the `.in`
 * names are direct, with the `.in`'s range (what updates may move within); the rest are
 * transitive.
 */
function withDeclaredRanges(
  result: { dependencies: Dependency[]; problems: ParseProblem[] },
  file: string,
  source: string,
  read: (rel: string) => string | undefined,
): { dependencies: Dependency[]; problems: ParseProblem[] } {
  const declared = new Map(
    parseRequirementsFile(source, read, new Set()).dependencies.map((d) => [d.name, d.range]),
  );
  for (const dep of result.dependencies) {
    if (dep.file !== file) continue;
    if (declared.has(dep.name)) dep.range = declared.get(dep.name) ?? '';
    else dep.direct = false;
    dep.notes = [...(dep.notes ?? []), `compiled from ${source}`];
  }
  return result;
}

export function discoverDependencies(
  workspace: string,
  ecosystems: Ecosystem[],
  exclude: string[] = [],
): Inventory {
  const inventory: Inventory = { dependencies: [], problems: [], files: [], npmProjects: [] };
  const files = listFiles(workspace, exclude);
  const fileSet = new Set(files);
  const read = (rel: string): string | undefined => {
    try {
      const full = path.join(workspace, rel);
      return existsSync(full) && statSync(full).isFile() ? readFileSync(full, 'utf8') : undefined;
    } catch {
      return undefined;
    }
  };
  const sibling = (dir: string, names: string[]) =>
    names.map((n) => (dir ? `${dir}/${n}` : n)).find((f) => fileSet.has(f));
  const take = (
    result: { dependencies: Dependency[]; problems: ParseProblem[] },
    parsed: string[],
  ) => {
    inventory.dependencies.push(...result.dependencies);
    inventory.problems.push(...result.problems);
    inventory.files.push(...parsed);
  };
  /** The lockfile of the nearest enclosing project that lists `dir` as a workspace member. */
  const workspaceRoot = (dir: string) => {
    const parts = dir ? dir.split('/') : [];
    for (let depth = parts.length - 1; depth >= 0; depth--) {
      const rootDir = parts.slice(0, depth).join('/');
      const lockFile = sibling(rootDir, ['npm-shrinkwrap.json', 'package-lock.json']);
      if (!lockFile) continue;
      const text = read(lockFile);
      const member = parts.slice(depth).join('/');
      if (text !== undefined && lockHasWorkspace(text, member))
        return { lock: { file: lockFile, text }, member, dir: rootDir };
    }
    return undefined;
  };
  const want = new Set(ecosystems);
  const requirementsSeen = new Set<string>();
  for (const file of files) {
    const dir = path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file);
    const base = path.posix.basename(file);
    if (want.has('npm') && base === 'package.json') {
      const lock = sibling(dir, ['npm-shrinkwrap.json', 'package-lock.json']);
      const root = lock ? undefined : workspaceRoot(dir);
      if (root) {
        take(parseNpmProject({ file, text: read(file)! }, root.lock, root.member), [file]);
        inventory.npmProjects.push({
          dir,
          manifest: file,
          lockfile: root.lock.file,
          workspaceRoot: root.dir,
        });
        continue;
      }
      take(
        parseNpmProject(
          { file, text: read(file)! },
          lock ? { file: lock, text: read(lock)! } : undefined,
        ),
        lock ? [file, lock] : [file],
      );
      inventory.npmProjects.push({ dir, manifest: file, lockfile: lock });
    } else if (want.has('python') && base === 'pyproject.toml') {
      const lock = sibling(dir, ['poetry.lock', 'uv.lock']);
      take(
        parsePyproject(
          { file, text: read(file)! },
          lock ? { file: lock, text: read(lock)! } : undefined,
        ),
        lock ? [file, lock] : [file],
      );
    } else if (
      want.has('python') &&
      (REQUIREMENTS.test(base) || REQUIREMENTS_DIR.test(file)) &&
      !requirementsSeen.has(file)
    ) {
      const compiled = compiledFrom(file, read, (f) => fileSet.has(f));
      const result = parseRequirementsFile(file, read, requirementsSeen);
      // In a requirements folder, a text file with no requirement at all is prose (a README).
      if (!REQUIREMENTS.test(base) && result.dependencies.length === 0) continue;
      take(compiled ? withDeclaredRanges(result, file, compiled, read) : result, [file]);
    } else if (want.has('go') && base === 'go.mod') {
      const sum = sibling(dir, ['go.sum']);
      take(
        parseGoMod({ file, text: read(file)! }, sum ? { file: sum, text: read(sum)! } : undefined),
        sum ? [file, sum] : [file],
      );
    } else if (
      want.has('actions') &&
      (/^\.github\/workflows\/[^/]+\.ya?ml$/.test(file) || /(^|\/)action\.ya?ml$/.test(file))
    ) {
      take(parseWorkflow(file, read(file)!), [file]);
    }
  }
  return inventory;
}
