import { booleanInput, intInput, optionalInput, type InputReader } from './inputs';
import { ConfigurationError } from './errors';

/** Inputs every action takes; the runner wrapper reads them, action parsers never do. */
export const COMMON_INPUTS = [
  'token',
  'config',
  'state-branch',
  'dry-run',
  'api-budget',
  'out-dir',
] as const;

export interface CommonInputs {
  token?: string;
  configPath: string;
  stateBranch?: string;
  dryRun: boolean;
  apiBudget: number;
  outDir?: string;
}

const BRANCH_NAME = /^(?!\/)(?!.*\.\.)(?!.*\/\/)(?!.*@\{)[A-Za-z0-9._\/-]+(?<!\.lock)(?<!\/)$/;

export function parseCommonInputs(reader: InputReader): CommonInputs {
  const stateBranch = optionalInput(reader, 'state-branch');
  if (stateBranch !== undefined && !BRANCH_NAME.test(stateBranch)) {
    throw new ConfigurationError(
      `Invalid input \`state-branch\`: ${JSON.stringify(stateBranch)} is not a valid branch name.`,
      'use letters, digits, `.`, `_`, `-` and `/` (for example `tend-state`).',
    );
  }
  return {
    token: optionalInput(reader, 'token'),
    configPath: optionalInput(reader, 'config', '.github/tend.yml'),
    stateBranch,
    dryRun: booleanInput(reader, 'dry-run', false),
    apiBudget: intInput(reader, 'api-budget', { min: 10, max: 1_000_000, fallback: 5000 }),
    outDir: optionalInput(reader, 'out-dir'),
  };
}
