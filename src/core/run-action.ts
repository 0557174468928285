// The one path from a runner to an action: inputs -> context -> run -> outputs, summary,
// annotations, exit code. ConfigurationErrors fail the step with the fix; anything else is a
// bug and fails it with the stack in the debug log.
import * as core from '@actions/core';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ActionDefinition } from './action-definition';
import { selectAnnotations } from './annotations';
import { parseCommonInputs } from './common-inputs';
import { loadConfig } from './config';
import type { EventInfo, Logger, RepoRef, RunContext } from './context';
import { systemClock } from './context';
import { dryRunBackend } from './dry-run-backend';
import { ConfigurationError, errorMessage } from './errors';
import { createGitHubClient } from './github-client';
import { configReader, envReader, layeredReader } from './inputs';
import { createDryRunPublisher, createGitHubPublisher, withExtraLabels } from './publish';
import { registerRunStateFiles } from './state-files';
import { createGitHubStateBackend, createStateStore } from './state';
import type { ActionResult } from './types';

const actionsLogger: Logger = {
  debug: (m) => core.debug(m),
  info: (m) => core.info(m),
  warning: (m) => core.warning(m),
  error: (m) => core.error(m),
};

function repoFromEnv(): RepoRef {
  const value = process.env.GITHUB_REPOSITORY ?? '';
  const [owner, repo, extra] = value.split('/');
  if (!owner || !repo || extra !== undefined) {
    throw new ConfigurationError(
      `GITHUB_REPOSITORY is ${JSON.stringify(value)}, expected \`owner/repo\`.`,
      'run tend inside a GitHub Actions job (the runner sets GITHUB_REPOSITORY), or use the `tend` CLI locally.',
    );
  }
  return { owner, repo };
}

async function readEvent(): Promise<EventInfo | undefined> {
  const name = process.env.GITHUB_EVENT_NAME;
  const file = process.env.GITHUB_EVENT_PATH;
  if (!name) return undefined;
  if (!file) return { name, payload: {} };
  try {
    return { name, payload: JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown> };
  } catch (error) {
    throw new Error(`could not read the event payload ${file}: ${errorMessage(error)}`);
  }
}

async function buildContext<O>(
  definition: ActionDefinition<O>,
): Promise<{ ctx: RunContext; options: O }> {
  const common = parseCommonInputs(envReader());
  const workspace = path.resolve(process.env.GITHUB_WORKSPACE ?? process.cwd());
  const config = loadConfig(workspace, common.configPath);
  const options = definition.parseInputs(
    layeredReader(
      envReader(),
      configReader(config.sections[definition.name], config.file ?? '.github/tend.yml'),
    ),
  );
  const repo = repoFromEnv();
  if (!common.token) {
    throw new ConfigurationError(
      'Input `token` is empty.',
      'pass `token: ${{ github.token }}` (the default) or a GitHub App / personal access token.',
    );
  }
  core.setSecret(common.token);
  const { client } = createGitHubClient({
    token: common.token,
    baseUrl: process.env.GITHUB_API_URL,
    budget: common.apiBudget,
    logger: actionsLogger,
  });
  const event = await readEvent();
  const payloadRepo = event?.payload.repository as { default_branch?: string } | undefined;
  let defaultBranch = payloadRepo?.default_branch;
  if (!defaultBranch) {
    const { data } = await client.rest.repos.get({ owner: repo.owner, repo: repo.repo });
    defaultBranch = data.default_branch;
  }
  const branch = common.stateBranch ?? config.stateBranch;
  let backend = createGitHubStateBackend(client, repo, branch);
  if (common.dryRun) backend = dryRunBackend(backend, actionsLogger);
  const serverUrl = (process.env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
  const publisher = common.dryRun
    ? createDryRunPublisher({
        outDir: path.resolve(
          workspace,
          common.outDir ?? path.join(process.env.RUNNER_TEMP ?? workspace, 'tend-dry-run'),
        ),
        action: definition.name,
        workspace,
      })
    : createGitHubPublisher({
        client,
        repo,
        action: definition.name,
        defaultBranch,
        logger: actionsLogger,
        serverUrl,
      });
  registerRunStateFiles();
  const ctx: RunContext = {
    action: definition.name,
    workspace,
    repo,
    serverUrl,
    defaultBranch,
    github: client,
    event,
    config,
    state: createStateStore(backend, { branch }),
    publisher: withExtraLabels(publisher, config.labels),
    logger: actionsLogger,
    clock: systemClock,
    dryRun: common.dryRun,
  };
  return { ctx, options };
}

export async function report(result: ActionResult): Promise<void> {
  for (const [name, value] of Object.entries(result.outputs)) core.setOutput(name, value);
  const { annotations, overflow } = selectAnnotations(result.findings);
  for (const finding of annotations) {
    const props = {
      title: `${result.action}: ${finding.kind}`,
      file: finding.file,
      startLine: finding.line,
      endLine: finding.endLine,
    };
    if (finding.severity === 'error') core.error(finding.message, props);
    else if (finding.severity === 'warning') core.warning(finding.message, props);
    else core.notice(finding.message, props);
  }
  let summary = result.summary;
  if (overflow > 0)
    summary += `\n\n_${overflow} more findings are listed above but were not annotated (at most 10 annotations per kind)._\n`;
  if (result.partial.length > 0) {
    summary += `\n\n> [!WARNING]\n> Partial result:\n${result.partial.map((p) => `> - ${p}`).join('\n')}\n`;
  }
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summary, true).write();
}

/** Runs an action the way a runner does; sets the exit code only after everything settled. */
export async function runAction<O>(definition: ActionDefinition<O>): Promise<void> {
  try {
    const { ctx, options } = await buildContext(definition);
    const result = await definition.run(ctx, options);
    await report(result);
    if (result.failure) core.setFailed(`${definition.name}: ${result.failure}`);
  } catch (error) {
    if (error instanceof ConfigurationError) {
      core.setFailed(`${definition.name}: ${error.message}`);
    } else {
      if (error instanceof Error && error.stack) core.debug(error.stack);
      core.setFailed(`${definition.name} failed unexpectedly: ${errorMessage(error)}`);
    }
  }
  // Everything is awaited; idle keep-alive sockets must not hold the step open.
  setTimeout(() => process.exit(), 100).unref();
}
