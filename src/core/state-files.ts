// The files every action's run writes on the state branch, their TypeScript shapes and
// their JSON Schemas (data without `schemaVersion`), for the state store to validate.
import Ajv, { type ValidateFunction } from 'ajv';
import {
  defaultStateSchemas,
  type StateData,
  type StateFileSchema,
  type StateSchemas,
} from './state/schemas';
import { PROPOSALS_FILE } from './proposals';
import type { Finding, Proposal, Severity } from './types';

export const STATE_FILE_VERSION = 1;

export function latestPath(action: string): string {
  return `${action}/latest.json`;
}

export function historyPath(action: string, week: string): string {
  return `${action}/history/${week}.json`;
}

/** `<action>/latest.json`: the last run. Actions may add fields (a cursor, figures). */
export interface LatestFile {
  runAt: string;
  findings: Finding[];
  proposals: Proposal[];
  outputs: Record<string, string>;
  partial: string[];
  [extra: string]: unknown;
}

export interface FindingCounts {
  byKind: Record<string, number>;
  bySeverity: Record<Severity, number>;
  total: number;
}

/** `<action>/history/<ISO-week>.json`: one snapshot per week (the week's last run wins). */
export interface HistoryFile {
  week: string;
  runAt: string;
  counts: FindingCounts;
  [extra: string]: unknown;
}

const ISO_INSTANT = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$';
const STATUS = ['proposed', 'accepted', 'rejected', 'deferred', 'implemented', 'withdrawn'];
const counts = { type: 'object', additionalProperties: { type: 'integer', minimum: 0 } };

const findingSchema = {
  type: 'object',
  required: ['id', 'kind', 'severity', 'message', 'evidence'],
  properties: {
    id: { type: ['string', 'number'] },
    kind: { type: 'string' },
    severity: { enum: ['error', 'warning', 'notice'] },
    file: { type: 'string' },
    line: { type: 'integer', minimum: 1 },
    message: { type: 'string' },
    evidence: { type: 'array', items: { type: 'string' } },
  },
};

const transitionSchema = {
  type: 'object',
  required: ['status', 'at'],
  properties: {
    status: { enum: STATUS },
    at: { type: 'string' },
    by: { type: 'string' },
    reason: { type: 'string' },
  },
};

const proposalSchema = {
  type: 'object',
  required: [
    'key',
    'action',
    'title',
    'pattern',
    'evidence',
    'impact',
    'fix',
    'decision',
    'status',
    'detectedAt',
  ],
  properties: {
    key: { type: 'string', minLength: 1 },
    id: { type: 'string', pattern: '^P-\\d+$' },
    action: { type: 'string' },
    title: { type: 'string' },
    pattern: { type: 'string' },
    evidence: { type: 'array', items: { type: 'string' } },
    impact: { type: 'string' },
    fix: { type: 'string' },
    decision: { type: 'string' },
    status: { enum: STATUS },
    detectedAt: { type: 'string' },
    history: { type: 'array', items: transitionSchema },
  },
};

export interface RunStateFile {
  /** Which paths (`*` within one segment), as the state schema registry takes them. */
  pattern: string;
  description: string;
  /** JSON Schema (draft-07) of the data, without `schemaVersion`. */
  jsonSchema: Record<string, unknown>;
}

/** The files recordRun writes; register them with the state store's schema registry. */
export const RUN_STATE_FILES: readonly RunStateFile[] = [
  {
    pattern: '*/latest.json',
    description: "an action's last run: findings, proposals, outputs",
    jsonSchema: {
      type: 'object',
      required: ['runAt', 'findings', 'proposals', 'outputs', 'partial'],
      properties: {
        runAt: { type: 'string', pattern: ISO_INSTANT },
        findings: { type: 'array', items: findingSchema },
        proposals: { type: 'array', items: proposalSchema },
        outputs: { type: 'object', additionalProperties: { type: 'string' } },
        partial: { type: 'array', items: { type: 'string' } },
      },
    },
  },
  {
    pattern: '*/history/*.json',
    description: "an action's weekly snapshot: finding counts",
    jsonSchema: {
      type: 'object',
      required: ['week', 'runAt', 'counts'],
      properties: {
        week: { type: 'string', pattern: '^\\d{4}-W\\d{2}$' },
        runAt: { type: 'string', pattern: ISO_INSTANT },
        counts: {
          type: 'object',
          required: ['byKind', 'bySeverity', 'total'],
          properties: {
            byKind: counts,
            bySeverity: counts,
            total: { type: 'integer', minimum: 0 },
          },
        },
      },
    },
  },
  {
    pattern: PROPOSALS_FILE,
    description: 'every proposal and its lifecycle',
    jsonSchema: {
      type: 'object',
      required: ['nextId', 'proposals'],
      properties: {
        nextId: { type: 'integer', minimum: 1 },
        proposals: {
          type: 'object',
          additionalProperties: { ...proposalSchema, required: [...proposalSchema.required, 'id'] },
        },
      },
    },
  },
];

function validator(jsonSchema: Record<string, unknown>): (data: StateData) => string | undefined {
  let compiled: ValidateFunction | undefined;
  return (data) => {
    compiled ??= new Ajv({ allErrors: false, strict: true, allowUnionTypes: true }).compile(
      jsonSchema,
    );
    if (compiled(data)) return undefined;
    const error = compiled.errors?.[0];
    return error ? `${error.instancePath || '/'} ${error.message ?? 'is invalid'}` : 'invalid';
  };
}

/** The state-store schema (version and validation) of each file recordRun writes. */
export function runStateSchemas(): Record<string, StateFileSchema> {
  return Object.fromEntries(
    RUN_STATE_FILES.map((file) => [
      file.pattern,
      { version: STATE_FILE_VERSION, validate: validator(file.jsonSchema) },
    ]),
  );
}

const registered = new WeakSet<StateSchemas>();

/**
 * Registers the files recordRun writes with a state schema registry (default: the shared one
 * every store uses), so reading them validates them. Idempotent; an action's own, more
 * specific schema for one of these paths still wins.
 */
export function registerRunStateFiles(registry: StateSchemas = defaultStateSchemas): void {
  if (registered.has(registry)) return;
  for (const [pattern, schema] of Object.entries(runStateSchemas()))
    registry.register(pattern, schema);
  registered.add(registry);
}
