// Applies Python updates to a copy of the project with the tool the project uses: pip-compile
// for pip-tools, an in-place pin edit for plain requirements, `uv lock`, `poetry lock`.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { outputExcerpt, quote, type CommandRunner } from './command-runner';
import { pinnedVersion, poetryToPep440 } from './parse/pep508';
import { parsePythonLock } from './parse/pyproject';
import {
  rewritePyprojectConstraint,
  rewriteRequirementPin,
  rewriteRequirementSpecifier,
  widenSpecifier,
  type EditResult,
} from './python-edits';
import type { PythonProject } from './python-project';
import type { PlannedUpdate } from './update-plan';

export type ApplyResult = { ok: true } | { ok: false; excerpt: string };

export interface ApplyContext {
  /** Root of the temporary copy of the repository. */
  copy: string;
  run: CommandRunner;
  env: Record<string, string>;
  /** Extra pip-compile arguments (e.g. `--no-emit-index-url` when tend set the index). */
  pipCompileArgs?: string[];
  /** Poetry's major version (`poetry lock --no-update` became plain `poetry lock` in 2.0). */
  poetryMajor?: number;
}

function editFile(full: string, edit: (text: string) => EditResult): string | undefined {
  const result = edit(readFileSync(full, 'utf8'));
  if ('error' in result) return result.error;
  if (result.changed) writeFileSync(full, result.text);
  return undefined;
}

function failed(excerpt: string): ApplyResult {
  return { ok: false, excerpt };
}

async function runStep(
  ctx: ApplyContext,
  command: string,
  cwd: string,
  label: string,
): Promise<ApplyResult> {
  const result = await ctx.run(command, { cwd, env: ctx.env });
  return result.code === 0
    ? { ok: true }
    : failed(`${label} failed (exit ${result.code}):\n${outputExcerpt(result.output)}`);
}

/** Checks that the lock holds every update at its target version. */
function checkLock(lockPath: string, label: string, updates: PlannedUpdate[]): ApplyResult {
  const { packages } = parsePythonLock(lockPath, readFileSync(lockPath, 'utf8'));
  const wrong = updates.filter(
    (u) => !packages.some((p) => p.name === u.dependency.name && p.version === u.to),
  );
  return wrong.length === 0
    ? { ok: true }
    : failed(
        `after ${label}, ${wrong.map((u) => `${u.dependency.name} is not at ${u.to} (found ${packages.find((p) => p.name === u.dependency.name)?.version ?? 'nothing'})`).join('; ')}`,
      );
}

/** Widens pyproject constraints that exclude the target versions. */
function widenPyproject(full: string, updates: PlannedUpdate[]): string | undefined {
  for (const u of updates) {
    const error = editFile(full, (text) => {
      const result = rewritePyprojectConstraint(text, u.dependency.name, (current, style) =>
        widenSpecifier(current, u.to, style),
      );
      // Not declared in pyproject.toml (a transitive pin in the lock): nothing to widen.
      return 'error' in result && /no constraint/.test(result.error)
        ? { text, changed: false }
        : result;
    });
    if (error) return `${u.dependency.name}: ${error}`;
  }
  return undefined;
}

export async function applyPythonUpdates(
  project: PythonProject,
  updates: PlannedUpdate[],
  ctx: ApplyContext,
): Promise<ApplyResult> {
  const at = (file: string) => path.join(ctx.copy, file);
  const projectDir = at(path.posix.dirname(project.manifest));
  const upgrades = updates.map(
    (u) => `--upgrade-package ${quote(`${u.dependency.name}==${u.to}`)}`,
  );
  switch (project.tool) {
    case 'requirements':
    case 'pyproject': {
      for (const u of updates) {
        const error =
          project.tool === 'requirements'
            ? editFile(at(project.manifest), (t) =>
                rewriteRequirementPin(t, u.dependency.name, u.to, u.dependency.line),
              )
            : editFile(at(project.manifest), (t) =>
                rewritePyprojectConstraint(t, u.dependency.name, (current, style) =>
                  pinnedVersion(style === 'poetry' ? poetryToPep440(current) : current)
                    ? current.replace(/[0-9][^,\s]*$/, u.to)
                    : { error: `${u.dependency.name} is not pinned exactly (\`${current}\`)` },
                ),
              );
        if (error) return failed(`${project.manifest}: ${error}`);
      }
      return { ok: true };
    }
    case 'pip-tools': {
      const source = project.source!;
      for (const u of updates) {
        const error = editFile(at(source), (text) => {
          const result = rewriteRequirementSpecifier(text, u.dependency.name, (current) =>
            widenSpecifier(current, u.to, 'pep440'),
          );
          // Only pulled in by another requirement: pip-compile alone moves it.
          return 'error' in result && /no requirement/.test(result.error)
            ? { text, changed: false }
            : result;
        });
        if (error) return failed(`${source}: ${error}`);
      }
      const { cwd, args } = project.compile!;
      const command = [
        'pip-compile',
        ...[...args, ...(ctx.pipCompileArgs ?? [])].map(quote),
        ...upgrades,
      ].join(' ');
      return runStep(ctx, command, at(cwd), `\`${command}\``);
    }
    case 'uv': {
      const error = widenPyproject(at(project.manifest), updates);
      if (error) return failed(`${project.manifest}: ${error}`);
      const command = `uv lock ${upgrades.join(' ')}`;
      const locked = await runStep(ctx, command, projectDir, `\`${command}\``);
      return locked.ok ? checkLock(at(project.lockfile!), `\`${command}\``, updates) : locked;
    }
    case 'poetry': {
      // Pin the targets exactly to lock them, then put back the (widened) constraints and lock
      // again without updating: the lock keeps the targets, pyproject.toml keeps its style.
      const manifest = at(project.manifest);
      const original = readFileSync(manifest, 'utf8');
      const lock =
        (ctx.poetryMajor ?? 1) >= 2
          ? 'poetry lock --no-interaction'
          : 'poetry lock --no-update --no-interaction';
      for (const u of updates) {
        const error = editFile(manifest, (t) =>
          rewritePyprojectConstraint(t, u.dependency.name, (_current, style) =>
            style === 'poetry' ? u.to : `==${u.to}`,
          ),
        );
        if (error) return failed(`${project.manifest}: ${u.dependency.name}: ${error}`);
      }
      const pinned = await runStep(ctx, lock, projectDir, `\`${lock}\``);
      if (!pinned.ok) return pinned;
      writeFileSync(manifest, original);
      const error = widenPyproject(manifest, updates);
      if (error) return failed(`${project.manifest}: ${error}`);
      const relocked = await runStep(ctx, lock, projectDir, `\`${lock}\``);
      return relocked.ok ? checkLock(at(project.lockfile!), `\`${lock}\``, updates) : relocked;
    }
  }
}
