import { ConfigurationError } from '../core/errors';

export interface CliArgs {
  command: string | undefined;
  repo?: string;
  out?: string;
  format: 'markdown' | 'json';
  dryRun: boolean;
  help: boolean;
  version: boolean;
  /** Every other `--name value` flag: an input of the action. */
  inputs: Record<string, string>;
}

const FLAGS_WITH_VALUE = new Set(['repo', 'out', 'format']);
const BOOLEAN_FLAGS = new Set(['dry-run', 'help', 'version']);

/**
 * Parses `tend <command> [--repo DIR] [--dry-run] [--format json|markdown] [--out DIR] [--input value]`.
 * `--name=value` and `--name value` both work; a flag with no value is `true`.
 */
export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = {
    command: undefined,
    format: 'markdown',
    dryRun: false,
    help: false,
    version: false,
    inputs: {},
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '-h') {
      args.help = true;
      continue;
    }
    if (!arg.startsWith('--')) {
      if (args.command !== undefined) {
        throw new ConfigurationError(
          `Unexpected argument ${JSON.stringify(arg)}.`,
          'give one command, then --flags.',
        );
      }
      args.command = arg;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = (eq === -1 ? arg.slice(2) : arg.slice(2, eq)).trim();
    if (name === '')
      throw new ConfigurationError(
        `Empty flag ${JSON.stringify(arg)}.`,
        'write flags as --name value.',
      );
    let value: string | undefined = eq === -1 ? undefined : arg.slice(eq + 1);
    if (value === undefined && !BOOLEAN_FLAGS.has(name)) {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        value = next;
        i += 1;
      }
    }
    if (FLAGS_WITH_VALUE.has(name) && (value === undefined || value === '')) {
      throw new ConfigurationError(`Flag --${name} needs a value.`, `write --${name} VALUE.`);
    }
    switch (name) {
      case 'repo':
        args.repo = value;
        break;
      case 'out':
        args.out = value;
        break;
      case 'format':
        if (value !== 'json' && value !== 'markdown') {
          throw new ConfigurationError(
            `Flag --format is ${JSON.stringify(value)}.`,
            'use --format json or --format markdown.',
          );
        }
        args.format = value;
        break;
      case 'dry-run':
        args.dryRun = true;
        break;
      case 'help':
        args.help = true;
        break;
      case 'version':
        args.version = true;
        break;
      default:
        args.inputs[name] = value ?? 'true';
    }
  }
  return args;
}
