// Applies a group of Python updates in a temporary copy of the repository (the checkout is
// never touched) with the project's own tool, installs into a fresh virtual environment, runs
// the tests, and bisects a failing group to isolate the update that breaks them.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { outputExcerpt, quote, type CommandRunner } from './command-runner';
import { testUpdateGroup, type Attempt, type GroupTestResult } from './group-tester';
import { parsePyproject } from './parse/pyproject';
import { parseRequirementsFile } from './parse/python-requirements';
import { applyPythonUpdates, type ApplyContext } from './python-apply';
import {
  rewritePyprojectConstraint,
  rewriteRequirementPin,
  rewriteRequirementSpecifier,
  widenSpecifier,
  type EditResult,
} from './python-edits';
import { declaredRequirements, type PythonProject } from './python-project';
import type { PlannedUpdate } from './update-plan';

export interface PythonUpdaterOptions {
  workspace: string;
  project: PythonProject;
  /** The `test-command` input; undefined: `python -m pytest` when pytest is declared. */
  testCommand?: string;
  /** A PEP 503 simple index (a mirror) for pip, pip-compile and uv; undefined: their own default. */
  indexUrl?: string;
  run: CommandRunner;
  /** Where temporary copies go (default: the OS temp dir). */
  tmpRoot?: string;
  /** The environment the tools inherit (default: this process's). */
  env?: Record<string, string | undefined>;
}

const SKIP = new Set([
  '.git',
  'node_modules',
  '.venv',
  'venv',
  '__pycache__',
  '.tox',
  '.nox',
  '.mypy_cache',
  '.pytest_cache',
]);

const TOOLS: Partial<
  Record<PythonProject['tool'], { check: string; name: string; setup: string }>
> = {
  'pip-tools': {
    check: 'pip-compile --version',
    name: 'pip-compile (pip-tools)',
    setup:
      'add a step `pip install pip-tools` (or `pipx install pip-tools`) before the dep-health step',
  },
  uv: {
    check: 'uv --version',
    name: 'uv',
    setup: 'add `astral-sh/setup-uv` (or a step `pip install uv`) before the dep-health step',
  },
  poetry: {
    check: 'poetry --version',
    name: 'poetry',
    setup: 'add a step `pipx install poetry` (or `pip install poetry`) before the dep-health step',
  },
};

const dirOf = (file: string) => (path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file));

/** The deepest directory containing all of `dirs` (repo-relative). */
function commonDir(dirs: string[]): string {
  const parts = dirs.map((d) => (d ? d.split('/') : []));
  const out: string[] = [];
  for (let i = 0; parts.every((p) => i < p.length && p[i] === parts[0]![i]); i++)
    out.push(parts[0]![i]!);
  return out.join('/');
}

export function createPythonUpdater(options: PythonUpdaterOptions) {
  const { project, run, workspace } = options;
  const inherited = options.env ?? process.env;
  const windows = process.platform === 'win32';
  const python = windows ? 'python' : 'python3';
  const setIndex = options.indexUrl !== undefined && !inherited.PIP_INDEX_URL;
  const env: Record<string, string> = {
    CI: 'true',
    PIP_DISABLE_PIP_VERSION_CHECK: '1',
    PYTHONDONTWRITEBYTECODE: '1',
    POETRY_VIRTUALENVS_IN_PROJECT: 'true',
    POETRY_VIRTUALENVS_CREATE: 'true',
    POETRY_NO_INTERACTION: '1',
    ...(setIndex ? { PIP_INDEX_URL: options.indexUrl!, UV_INDEX_URL: options.indexUrl! } : {}),
  };
  const read = (file: string) => {
    try {
      return readFileSync(path.join(workspace, file), 'utf8');
    } catch {
      return undefined;
    }
  };
  const base = commonDir([
    project.root,
    dirOf(project.manifest),
    project.compile?.cwd ?? project.root,
  ]);
  const tracked = [project.manifest, project.source, project.lockfile].filter(
    (f): f is string => f !== undefined,
  );

  /** The test command, or why there is none. */
  function testCommand(): string | { error: string } {
    if (options.testCommand) return options.testCommand;
    const files =
      project.tool === 'requirements' || project.tool === 'pip-tools'
        ? [...project.alsoInstall, project.manifest]
        : [project.manifest];
    const names = files.flatMap((file) =>
      file.endsWith('.toml')
        ? parsePyproject({ file, text: read(file) ?? '' }).dependencies
        : parseRequirementsFile(file, read).dependencies,
    );
    if (names.some((d) => d.name === 'pytest')) return 'python -m pytest';
    return {
      error: `no test command: pytest is not declared in ${files.join(', ')}; set the \`test-command\` input (for example \`python -m unittest\`)`,
    };
  }

  /** Updates that cannot be applied by editing the file (a hashed pin, a range), with why. */
  function notApplicable(updates: PlannedUpdate[]): { update: PlannedUpdate; reason: string }[] {
    const text = read(project.manifest) ?? '';
    const source = project.source ? (read(project.source) ?? '') : '';
    // A dependency only the lock or the compiled file names has no constraint to move.
    const undeclared = (r: EditResult) =>
      'error' in r && /^no (constraint|requirement) for/.test(r.error)
        ? { text, changed: false }
        : r;
    return updates.flatMap((update) => {
      const { name, line } = update.dependency;
      const widen = (current: string, style: 'pep440' | 'poetry' = 'pep440') =>
        widenSpecifier(current, update.to, style);
      let file = project.manifest;
      let result: EditResult;
      if (project.tool === 'requirements') {
        result = rewriteRequirementPin(text, name, update.to, line);
      } else if (project.tool === 'pyproject') {
        result = rewritePyprojectConstraint(text, name, (current) =>
          /^(===?)?\s*[0-9][^,*<>=!~^]*$/.test(current.trim())
            ? current
            : {
                error: `${name} is not pinned exactly (\`${current}\`) and there is no lockfile to update`,
              },
        );
      } else if (project.tool === 'pip-tools') {
        file = project.source!;
        result = undeclared(rewriteRequirementSpecifier(source, name, widen));
      } else {
        result = undeclared(rewritePyprojectConstraint(text, name, widen));
      }
      return 'error' in result ? [{ update, reason: `${file}: ${result.error}` }] : [];
    });
  }

  async function install(
    copy: string,
    tmp: string,
  ): Promise<{ bin: string } | { excerpt: string }> {
    const projectDir = path.join(copy, dirOf(project.manifest));
    const step = async (command: string, cwd: string) => {
      const result = await run(command, { cwd, env });
      return result.code === 0
        ? undefined
        : `\`${command}\` failed (exit ${result.code}):\n${outputExcerpt(result.output)}`;
    };
    if (project.tool === 'uv') {
      const failure = await step('uv sync --locked --all-extras', projectDir);
      return failure
        ? { excerpt: failure }
        : { bin: path.join(projectDir, '.venv', windows ? 'Scripts' : 'bin') };
    }
    if (project.tool === 'poetry') {
      let failure = await step('poetry install --no-interaction --no-ansi', projectDir);
      if (failure && /no file\/folder found|does not contain any element|--no-root/i.test(failure))
        failure = await step('poetry install --no-interaction --no-ansi --no-root', projectDir);
      return failure
        ? { excerpt: failure }
        : { bin: path.join(projectDir, '.venv', windows ? 'Scripts' : 'bin') };
    }
    const venv = path.join(tmp, 'venv');
    const created = await step(`${python} -m venv ${quote(venv)}`, tmp);
    if (created) return { excerpt: created };
    const bin = path.join(venv, windows ? 'Scripts' : 'bin');
    const pip = `${quote(path.join(bin, 'python'))} -m pip install --no-input`;
    let files = [...project.alsoInstall, project.manifest];
    if (project.tool === 'pyproject') {
      const declared = path.join(tmp, 'declared-requirements.txt');
      writeFileSync(
        declared,
        declaredRequirements(readFileSync(path.join(copy, project.manifest), 'utf8')).join('\n') +
          '\n',
      );
      files = [path.relative(copy, declared)];
    }
    for (const file of files) {
      const failure = await step(`${pip} -r ${quote(path.resolve(copy, file))}`, copy);
      if (failure) return { excerpt: failure };
    }
    return { bin };
  }

  async function attempt(
    updates: PlannedUpdate[],
    command: string,
    ctx: Omit<ApplyContext, 'copy'>,
  ): Promise<Attempt> {
    const tmp = mkdtempSync(path.join(options.tmpRoot ?? os.tmpdir(), 'tend-dep-health-py-'));
    try {
      const copy = path.join(tmp, 'repo');
      cpSync(path.join(workspace, base), path.join(copy, base), {
        recursive: true,
        filter: (src) => !SKIP.has(path.basename(src)),
      });
      const applied = await applyPythonUpdates(project, updates, { ...ctx, copy });
      if (!applied.ok) return { ok: false, excerpt: applied.excerpt };
      const installed = await install(copy, tmp);
      if ('excerpt' in installed) return { ok: false, excerpt: installed.excerpt };
      const root = path.join(copy, project.root);
      const src = project.tool === 'pyproject' && existsSync(path.join(root, 'src'));
      const tests = await run(command, {
        cwd: root,
        env: {
          ...env,
          PATH: `${installed.bin}${path.delimiter}${inherited.PATH ?? ''}`,
          VIRTUAL_ENV: path.dirname(installed.bin),
          ...(src ? { PYTHONPATH: path.join(root, 'src') } : {}),
        },
      });
      const changes = tracked.flatMap((file) => {
        const after = readFileSync(path.join(copy, file), 'utf8');
        return after === read(file) ? [] : [{ path: file, content: after }];
      });
      return {
        ok: tests.code === 0,
        excerpt: `$ ${command} (exit ${tests.code})\n${outputExcerpt(tests.output)}`,
        changes,
      };
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }

  return {
    async testGroup(updates: PlannedUpdate[]): Promise<GroupTestResult> {
      const empty = { passed: [], failed: [], changes: [], runs: 0 };
      const command = testCommand();
      if (typeof command !== 'string') return { ...empty, error: command.error };
      const tool = TOOLS[project.tool];
      const checked = await run(tool?.check ?? `${python} --version`, { cwd: workspace, env });
      if (checked.code !== 0)
        return {
          ...empty,
          error: tool
            ? `${tool.name} is not on PATH, and ${project.manifest} is maintained with it: ${tool.setup}`
            : `${python} is not on PATH: set the \`python-version\` input so the action sets up Python`,
        };
      const poetryMajor = Number(/(\d+)\.\d+/.exec(checked.output)?.[1] ?? 1);
      const indexed =
        project.tool === 'pip-tools' &&
        setIndex &&
        !/^\s*(-i|--index-url|--extra-index-url)\b/m.test(read(project.manifest) ?? '');
      const skipped = notApplicable(updates);
      const applicable = updates.filter((u) => !skipped.some((s) => s.update === u));
      const result = await testUpdateGroup(applicable, (list) =>
        attempt(list, command, {
          run,
          env,
          poetryMajor,
          ...(indexed ? { pipCompileArgs: ['--no-emit-index-url'] } : {}),
        }),
      );
      return skipped.length > 0 ? { ...result, notApplied: skipped } : result;
    },
  };
}
