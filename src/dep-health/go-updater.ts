// Applies a group of Go module updates in a temporary copy of the module (the checkout is never
// touched) with `go get` and `go mod tidy`, runs the tests, and bisects a failing group to
// isolate the update that breaks them.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { outputExcerpt, quote, type CommandRunner } from './command-runner';
import { testUpdateGroup, type Attempt, type GroupTestResult } from './group-tester';
import type { PlannedUpdate } from './update-plan';

export const DEFAULT_GO_PROXY = 'https://proxy.golang.org';
export const DEFAULT_GO_TEST_COMMAND = 'go test ./...';

export interface GoUpdaterOptions {
  workspace: string;
  /** The module's go.mod, repo-relative (`go.mod`, `tools/go.mod`). */
  goMod: string;
  /** The `test-command` input; undefined: `go test ./...`. */
  testCommand?: string;
  /** The `go-proxy` input: a mirror other than proxy.golang.org becomes GOPROXY. */
  goProxy: string;
  run: CommandRunner;
  /** Where temporary copies go (default: the OS temp dir). */
  tmpRoot?: string;
  /** The environment the go command inherits (default: this process's). */
  env?: Record<string, string | undefined>;
}

const SKIP = new Set(['.git', 'vendor', 'node_modules']);

const dirOf = (file: string) => (path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file));

/** The version as the go command spells it: `v1.2.3` (OSV writes fixed versions without the v). */
export function goVersion(version: string): string {
  return version.startsWith('v') ? version : `v${version}`;
}

/** The major version a module path pins (`/v2`, `gopkg.in/yaml.v3`), or undefined for v0/v1. */
export function pathMajor(modulePath: string): number | undefined {
  const gopkg = /^gopkg\.in\/.*\.v(\d+)(-unstable)?$/.exec(modulePath);
  if (gopkg) return Number(gopkg[1]);
  const suffix = /\/v(\d+)$/.exec(modulePath);
  return suffix && Number(suffix[1]) >= 2 ? Number(suffix[1]) : undefined;
}

/**
 * Why `module@version` cannot be applied to this require line, if it cannot: from v2 on a Go
 * module lives at a different path (`.../v2`), so moving there means rewriting every import in
 * the code, which tend leaves to a person. `+incompatible` versions keep the path.
 */
export function majorPathProblem(modulePath: string, version: string): string | undefined {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1] ?? 0);
  const pinned = pathMajor(modulePath);
  const incompatible = version.endsWith('+incompatible');
  const gopkg = modulePath.startsWith('gopkg.in/');
  const ok = gopkg
    ? pinned === undefined || major === pinned
    : incompatible
      ? pinned === undefined
      : major === (pinned ?? Math.min(major, 1));
  if (ok) return undefined;
  const base = modulePath.replace(/\/v\d+$/, '').replace(/\.v\d+(-unstable)?$/, '');
  const target = gopkg ? `${base}.v${major}` : major >= 2 ? `${base}/v${major}` : base;
  return `${goVersion(version)} is published as the module ${target}, a different module path from ${modulePath}: moving to it means rewriting the imports in the code, which tend does not do; update it by hand`;
}

/**
 * The go command's environment: the mirror and no vendor/. The checksum database stays as the
 * runner has it (sum.golang.org by default): a workflow with private modules sets GOPRIVATE,
 * GONOSUMDB or GOSUMDB itself, and tend never turns verification off on its own.
 */
export function goEnvironment(
  goProxy: string,
  inherited: Record<string, string | undefined>,
): Record<string, string> {
  const mirror = goProxy.replace(/\/+$/, '') !== DEFAULT_GO_PROXY;
  return {
    CI: 'true',
    // The copy has no vendor/ and go.work may name folders the copy lacks; other flags stay.
    GOFLAGS: [
      ...(inherited.GOFLAGS ?? '').split(/\s+/).filter((f) => f && !/^--?mod=/.test(f)),
      '-mod=mod',
    ].join(' '),
    GOWORK: 'off',
    ...(mirror ? { GOPROXY: goProxy } : {}),
  };
}

export function createGoUpdater(options: GoUpdaterOptions) {
  const { run, workspace, goMod } = options;
  const inherited = options.env ?? process.env;
  const env = goEnvironment(options.goProxy, inherited);
  const testCommand = options.testCommand ?? DEFAULT_GO_TEST_COMMAND;
  const moduleDir = dirOf(goMod);
  const read = (file: string) => {
    try {
      return readFileSync(path.join(workspace, file), 'utf8');
    } catch {
      return undefined;
    }
  };
  const goSum = path.posix.join(moduleDir, 'go.sum');

  /** The folders to copy: the module and the local `replace` targets it builds with. */
  function copiedDirs(): string[] {
    // `replace x => ../lib` (in a block or not): relative targets must start with ./ or ../.
    const local = (read(goMod) ?? '')
      .split(/\r?\n/)
      .flatMap((line) => /=>\s*"?(\.\.?\/[^\s"]*)/.exec(line.replace(/\/\/.*$/, ''))?.[1] ?? [])
      .map((p) => path.posix.normalize(path.posix.join(moduleDir || '.', p)).replace(/\/$/, ''))
      .filter((p) => p !== '..' && !p.startsWith('../'));
    const within = (dir: string, parent: string) =>
      parent === '' || parent === '.' || dir === parent || dir.startsWith(`${parent}/`);
    const dirs: string[] = [];
    for (const dir of [moduleDir, ...local].sort((a, b) => a.length - b.length))
      if (!dirs.some((d) => within(dir, d))) dirs.push(dir);
    return dirs;
  }

  /** Updates that cannot be applied with `go get`, with why. */
  function notApplicable(updates: PlannedUpdate[]): { update: PlannedUpdate; reason: string }[] {
    return updates.flatMap((update) => {
      const { name, notes = [] } = update.dependency;
      const replaced = notes.find((n) => n.startsWith('replaces '));
      if (replaced)
        return [
          {
            update,
            reason: `${goMod}: ${name} ${replaced} in a \`replace\` directive; update the replace line by hand`,
          },
        ];
      const problem = majorPathProblem(name, update.to);
      return problem ? [{ update, reason: `${goMod}: ${problem}` }] : [];
    });
  }

  async function attempt(updates: PlannedUpdate[]): Promise<Attempt> {
    const tmp = mkdtempSync(path.join(options.tmpRoot ?? os.tmpdir(), 'tend-dep-health-go-'));
    try {
      for (const dir of copiedDirs())
        cpSync(path.join(workspace, dir), path.join(tmp, dir), {
          recursive: true,
          filter: (src) => !SKIP.has(path.basename(src)),
        });
      const cwd = path.join(tmp, moduleDir);
      const step = async (command: string) => {
        const result = await run(command, { cwd, env });
        return result.code === 0
          ? undefined
          : `\`${command}\` failed (exit ${result.code}):\n${outputExcerpt(result.output)}`;
      };
      for (const u of updates) {
        const failure = await step(`go get ${quote(`${u.dependency.name}@${goVersion(u.to)}`)}`);
        if (failure) return { ok: false, excerpt: failure };
      }
      const tidy = await step('go mod tidy');
      if (tidy) return { ok: false, excerpt: tidy };
      const tests = await run(testCommand, { cwd, env });
      const changes = [goMod, goSum].flatMap((file) => {
        const copied = path.join(tmp, file);
        if (!existsSync(copied)) return [];
        const after = readFileSync(copied, 'utf8');
        return after === read(file) ? [] : [{ path: file, content: after }];
      });
      return {
        ok: tests.code === 0,
        excerpt: `$ ${testCommand} (exit ${tests.code})\n${outputExcerpt(tests.output)}`,
        changes,
      };
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }

  return {
    testCommand,
    async testGroup(updates: PlannedUpdate[]): Promise<GroupTestResult> {
      const empty = { passed: [], failed: [], changes: [], runs: 0 };
      const checked = await run('go version', { cwd: workspace, env });
      if (checked.code !== 0)
        return {
          ...empty,
          error: `the \`go\` command is not on PATH, and ${goMod} needs it to apply Go updates: set the action's \`go-version\` input (or add an \`actions/setup-go\` step before dep-health)`,
        };
      if (existsSync(path.join(workspace, moduleDir, 'vendor', 'modules.txt')))
        return {
          ...empty,
          error: `${path.posix.join(moduleDir, 'vendor')} holds vendored copies of the dependencies, which tend does not rewrite: update them by hand with \`go get\` and \`go mod vendor\``,
        };
      const skipped = notApplicable(updates);
      const applicable = updates.filter((u) => !skipped.some((s) => s.update === u));
      const result = await testUpdateGroup(applicable, attempt);
      return skipped.length > 0 ? { ...result, notApplied: skipped } : result;
    },
  };
}
