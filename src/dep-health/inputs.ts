// dep-health's inputs, parsed once (action inputs override `.github/tend.yml`).
import { ConfigurationError } from '../core/errors';
import {
  booleanInput,
  enumInput,
  globsInput,
  intInput,
  listInput,
  optionalInput,
  type InputReader,
} from '../core/inputs';

export const ECOSYSTEMS = ['npm', 'python', 'go', 'actions'] as const;
export type Ecosystem = (typeof ECOSYSTEMS)[number];

export const GROUP_BY = ['update-type', 'single', 'package'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export const FAIL_ON = ['critical', 'high', 'moderate', 'low', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** A named group: packages matching any pattern (`*` wildcard) update together. */
export interface GroupRule {
  name: string;
  patterns: string[];
}

export interface DepHealthOptions {
  ecosystems: Ecosystem[];
  osvUrl: string;
  npmRegistry: string;
  pypiUrl: string;
  goProxy: string;
  /** Empty: the ecosystem's own test script (`npm test`). */
  testCommand?: string;
  /** Apply non-major updates in a temporary copy, run the tests, open PRs when they pass. */
  update: boolean;
  groupBy: GroupBy;
  groups: GroupRule[];
  soakDays: number;
  /** `name` or `name@version-range` entries never proposed. */
  ignore: string[];
  staleDays: number;
  concurrency: number;
  dependabotAlerts: boolean;
  createIssue: boolean;
  maxUpdateGroups: number;
  failOn: FailOn;
  /** Globs of paths to skip when looking for manifests. */
  excludePaths: string[];
  /** Toolchain versions the composite action set up before this step (recorded, for the report). */
  /** Read here so a bad value fails early; the composite action's steps act on them. */
  toolchain: { node?: string; python?: string; go?: string; pythonTools: 'auto' | 'none' };
}

function url(reader: InputReader, name: string, fallback: string): string {
  const value = optionalInput(reader, name, fallback);
  try {
    const parsed = new URL(value);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('protocol');
  } catch {
    throw new ConfigurationError(
      `Invalid input \`${name}\`: ${JSON.stringify(value)}.`,
      `set \`${name}\` to an http(s) URL.`,
    );
  }
  return value.replace(/\/+$/, '');
}

/** `name: pattern, pattern` lines (or `name=pattern pattern`). */
export function parseGroupRules(lines: string[]): GroupRule[] {
  return lines.map((line) => {
    const match = /^([A-Za-z0-9._-]+)\s*[:=]\s*(.+)$/.exec(line);
    if (!match) {
      throw new ConfigurationError(
        `Invalid input \`groups\`: ${JSON.stringify(line)}.`,
        'write one group per line as `name: pattern pattern` (for example `eslint: eslint* @typescript-eslint/*`).',
      );
    }
    return { name: match[1]!, patterns: match[2]!.split(/[\s]+/).filter(Boolean) };
  });
}

export function parseInputs(reader: InputReader): DepHealthOptions {
  const ecosystems = listInput(reader, 'ecosystems', [...ECOSYSTEMS]).map((value) => {
    const lower = value.toLowerCase();
    const match = ECOSYSTEMS.find((e) => e === lower);
    if (!match) {
      throw new ConfigurationError(
        `Invalid input \`ecosystems\`: ${JSON.stringify(value)}.`,
        `list some of ${ECOSYSTEMS.map((e) => `\`${e}\``).join(', ')}.`,
      );
    }
    return match;
  });
  const groupLines = (optionalInput(reader, 'groups') ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return {
    ecosystems,
    osvUrl: url(reader, 'osv-url', 'https://api.osv.dev'),
    npmRegistry: url(reader, 'npm-registry', 'https://registry.npmjs.org'),
    pypiUrl: url(reader, 'pypi-url', 'https://pypi.org'),
    goProxy: url(reader, 'go-proxy', 'https://proxy.golang.org'),
    testCommand: optionalInput(reader, 'test-command'),
    update: booleanInput(reader, 'update', true),
    groupBy: enumInput(reader, 'group-by', GROUP_BY, 'update-type'),
    groups: parseGroupRules(groupLines),
    soakDays: intInput(reader, 'soak-days', { min: 0, max: 365, fallback: 3 }),
    ignore: listInput(reader, 'ignore', []),
    staleDays: intInput(reader, 'stale-days', { min: 30, max: 3650, fallback: 730 }),
    concurrency: intInput(reader, 'concurrency', { min: 1, max: 64, fallback: 8 }),
    dependabotAlerts: booleanInput(reader, 'dependabot-alerts', true),
    createIssue: booleanInput(reader, 'create-issue', true),
    maxUpdateGroups: intInput(reader, 'max-update-groups', { min: 0, max: 50, fallback: 10 }),
    failOn: enumInput(reader, 'fail-on', FAIL_ON, 'never'),
    excludePaths: globsInput(reader, 'exclude-paths', [
      '**/node_modules/**',
      '**/vendor/**',
      '**/.venv/**',
    ]),
    toolchain: {
      node: optionalInput(reader, 'node-version'),
      python: optionalInput(reader, 'python-version'),
      go: optionalInput(reader, 'go-version'),
      pythonTools: enumInput(reader, 'python-tools', ['auto', 'none'] as const, 'auto'),
    },
  };
}
