import { configReader, layeredReader, recordReader } from '../core/inputs';
import { ConfigurationError, errorMessage } from '../core/errors';
import { ACTION_NAMES, type ActionName, type ActionResult } from '../core/types';
import { TEND_VERSION } from '../core/version';
import { parseArgs } from './args';
import { buildLocalContext } from './local-context';
import { ACTIONS } from './registry';

const USAGE = `tend ${TEND_VERSION}: make a repository measurably better every week.

Usage: tend <command> [--repo DIR] [--dry-run] [--format json|markdown] [--out DIR] [--INPUT VALUE ...]

Commands:
  all                 run every action in turn (the weekly job)
  doc-drift           docs that no longer match the code
  dep-health          vulnerabilities, freshness, tested updates
  review-miner        recurring review feedback -> automated checks (--comments FILE offline)
  weekly-reflection   weekly metrics, agent traces (--traces GLOB), proposals

Options:
  --repo DIR          repository to examine (default: the current directory)
  --out DIR           where would-be issues and PRs are written as Markdown (default: tend-output)
  --format FORMAT     markdown (default) or json
  --dry-run           also leave the local tend-state branch untouched
  --INPUT VALUE       any input of the action (see actions/<name>/README.md)

State is kept on the local branch tend-state (the working tree is never touched).
`;

interface Writable {
  write(chunk: string): unknown;
}

function toJson(result: ActionResult): Record<string, unknown> {
  return {
    action: result.action,
    findings: result.findings,
    proposals: result.proposals,
    ...result.extra,
  };
}

function shortSummary(result: ActionResult): string {
  const lines = [`## ${result.action}`, ''];
  const kinds = new Map<string, number>();
  for (const f of result.findings) kinds.set(f.kind, (kinds.get(f.kind) ?? 0) + 1);
  lines.push(
    `${result.findings.length} finding(s)${kinds.size ? ` (${[...kinds].map(([k, n]) => `${k}: ${n}`).join(', ')})` : ''}, ${result.proposals.length} proposal(s).`,
  );
  for (const item of result.published) {
    const noun = item.kind === 'pull' ? 'pull request' : 'issue';
    if (item.path) lines.push(`- would-be ${noun} \`${item.key}\`: ${item.path}`);
    else if (item.status === 'dry-run') lines.push(`- ${noun} \`${item.key}\` would be closed`);
    else lines.push(`- ${noun} \`${item.key}\`: ${item.status}`);
  }
  for (const note of result.partial) lines.push(`- partial: ${note}`);
  if (result.failure) lines.push(`- FAILED: ${result.failure}`);
  return lines.join('\n');
}

/** Runs the CLI; returns the exit code (0 ok, 1 an action failed its check, 2 usage/config error, 3 bug). */
export async function main(argv: string[], stdout: Writable): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.version) {
      stdout.write(`${TEND_VERSION}\n`);
      return 0;
    }
    if (args.help || args.command === undefined) {
      stdout.write(USAGE);
      return args.help ? 0 : 2;
    }
    const names: ActionName[] =
      args.command === 'all'
        ? [...ACTION_NAMES]
        : ACTION_NAMES.includes(args.command as ActionName)
          ? [args.command as ActionName]
          : [];
    if (names.length === 0) {
      throw new ConfigurationError(
        `Unknown command ${JSON.stringify(args.command)}.`,
        `use one of: all, ${ACTION_NAMES.join(', ')}.`,
      );
    }
    const results: ActionResult[] = [];
    let failed = false;
    for (const name of names) {
      const definition = ACTIONS[name];
      const ctx = await buildLocalContext({
        action: name,
        repoDir: args.repo ?? process.cwd(),
        outDir: args.out ?? 'tend-output',
        dryRun: args.dryRun,
      });
      const reader = layeredReader(
        recordReader(args.inputs, 'flag'),
        configReader(ctx.config.sections[name], ctx.config.file ?? '.github/tend.yml'),
      );
      const options = definition.parseInputs(reader);
      const result = await definition.run(ctx, options);
      results.push(result);
      if (result.failure) failed = true;
    }
    if (args.format === 'json') {
      const payload =
        results.length === 1 ? toJson(results[0] as ActionResult) : results.map(toJson);
      stdout.write(`${JSON.stringify(payload, null, 2)}\n`);
    } else {
      stdout.write(`${results.map(shortSummary).join('\n\n')}\n`);
      if (args.out !== undefined || results.some((r) => r.published.length > 0)) {
        stdout.write(`\nWould-be issues and pull requests: ${args.out ?? 'tend-output'}/\n`);
      }
    }
    return failed ? 1 : 0;
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`tend: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`tend: unexpected error: ${errorMessage(error)}\n`);
    if (error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return 3;
  }
}
