import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { loadConfig } from '../core/config';
import type { Logger, RunContext } from '../core/context';
import { systemClock } from '../core/context';
import { dryRunBackend } from '../core/dry-run-backend';
import { createDryRunPublisher, withExtraLabels } from '../core/publish';
import { registerRunStateFiles } from '../core/state-files';
import { createLocalGitStateBackend, createStateStore } from '../core/state';
import type { StateBackend } from '../core/state/state-store';
import type { ActionName } from '../core/types';

const run = promisify(execFile);

export const stderrLogger: Logger = {
  debug: (m) => {
    if (process.env.TEND_DEBUG) process.stderr.write(`debug: ${m}\n`);
  },
  info: (m) => void process.stderr.write(`${m}\n`),
  warning: (m) => void process.stderr.write(`warning: ${m}\n`),
  error: (m) => void process.stderr.write(`error: ${m}\n`),
};

/** A backend for a folder that is not a git repository: nothing is stored. */
const noStateBackend: StateBackend = {
  description: 'no state (not a git repository)',
  head: async () => null,
  listFiles: async () => new Map(),
  readBlob: async () => '',
  commit: async () => '0'.repeat(40),
  swap: async () => true,
};

async function gitTopLevel(dir: string): Promise<string | undefined> {
  try {
    const { stdout } = await run('git', ['rev-parse', '--show-toplevel'], { cwd: dir });
    return stdout.trim();
  } catch {
    return undefined;
  }
}

async function currentBranch(dir: string): Promise<string> {
  try {
    const { stdout } = await run('git', ['symbolic-ref', '--short', 'HEAD'], { cwd: dir });
    return stdout.trim() || 'main';
  } catch {
    return 'main';
  }
}

export interface LocalContextOptions {
  action: ActionName;
  repoDir: string;
  outDir: string;
  dryRun: boolean;
  logger?: Logger;
}

/**
 * The embedded default: state on a local `tend-state` branch (git plumbing, the work tree is
 * never touched), would-be issues and PRs written as Markdown under the output folder.
 */
export async function buildLocalContext(options: LocalContextOptions): Promise<RunContext> {
  const logger = options.logger ?? stderrLogger;
  const requested = path.resolve(options.repoDir);
  const top = await gitTopLevel(requested);
  const workspace = top ?? requested;
  const config = loadConfig(workspace);
  let backend: StateBackend = top
    ? createLocalGitStateBackend(top, config.stateBranch)
    : noStateBackend;
  if (!top) logger.warning(`${requested} is not a git repository: state is not kept between runs.`);
  if (options.dryRun) backend = dryRunBackend(backend, logger);
  registerRunStateFiles();
  return {
    action: options.action,
    workspace,
    serverUrl: 'https://github.com',
    defaultBranch: top ? await currentBranch(top) : 'main',
    config,
    state: createStateStore(backend, { branch: config.stateBranch }),
    publisher: withExtraLabels(
      createDryRunPublisher({
        outDir: path.resolve(options.outDir),
        action: options.action,
        workspace,
      }),
      config.labels,
    ),
    logger,
    clock: systemClock,
    dryRun: true,
  };
}
