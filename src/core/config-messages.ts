// Wording of config validation problems: what a schema node expects, and the closest known
// key for a misspelt one. Pure.
import type { ErrorObject } from 'ajv';
import { closest, distance } from 'fastest-levenshtein';

type SchemaNode = Record<string, unknown>;

/** `staleDays`, `stale_days`, `Stale-Days` -> `stale-days`. */
function normalise(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[_\s]+/g, '-')
    .toLowerCase();
}

/** The closest candidate, or undefined when none is near enough to be a likely typo. */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const wanted = normalise(name);
  const exact = candidates.find((candidate) => normalise(candidate) === wanted);
  if (exact !== undefined) return exact;
  const best = closest(wanted, [...candidates]);
  const limit = Math.max(1, Math.min(3, Math.floor(wanted.length / 3)));
  return distance(wanted, normalise(best)) <= limit ? best : undefined;
}

function listOf(names: readonly string[], max = 12): string {
  const shown = names.slice(0, max).map((n) => `\`${n}\``);
  return names.length > max ? `${shown.join(', ')}, ...` : shown.join(', ');
}

/**
 * Advice for an unknown key: the closest known key at that level, else (at the top level)
 * the action section that has a key of that name, else the keys allowed there.
 */
export function suggestKey(
  name: string,
  known: readonly string[],
  topLevel?: Record<string, unknown>,
): string {
  const near = closestName(name, known);
  if (near !== undefined) return `did you mean \`${near}\`?`;
  if (topLevel) {
    for (const [section, node] of Object.entries(topLevel)) {
      const properties = (node as SchemaNode).properties as Record<string, unknown> | undefined;
      if (properties && Object.keys(properties).includes(name)) {
        return `\`${name}\` is a key of the \`${section}\` section: move it under \`${section}:\`.`;
      }
    }
  }
  if (known.length === 0) return 'this section takes no keys.';
  return `expected one of ${listOf(known)}.`;
}

const TYPE_NAMES: Record<string, string> = {
  integer: 'integer',
  number: 'number',
  string: 'string',
  boolean: 'boolean (true or false)',
  array: 'a list',
  object: 'a mapping (key: value)',
  null: 'nothing',
};

const PLURAL_TYPE_NAMES: Record<string, string> = {
  integer: 'integers',
  number: 'numbers',
  string: 'strings',
  boolean: 'booleans',
  array: 'lists',
  object: 'mappings',
};

function typeName(schema: SchemaNode): string | undefined {
  const raw = schema.type;
  const types = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw])
    .map(String)
    .filter((t) => t !== 'null');
  if (types.length === 0) return undefined;
  return types.map((t) => TYPE_NAMES[t] ?? t).join(' or ');
}

function range(schema: SchemaNode): string {
  const min =
    (schema.minimum as number | undefined) ?? (schema.exclusiveMinimum as number | undefined);
  const max =
    (schema.maximum as number | undefined) ?? (schema.exclusiveMaximum as number | undefined);
  const lowOp = schema.exclusiveMinimum !== undefined ? '>' : '>=';
  const highOp = schema.exclusiveMaximum !== undefined ? '<' : '<=';
  if (min !== undefined && max !== undefined && lowOp === '>=' && highOp === '<=')
    return ` from ${min} to ${max}`;
  const parts: string[] = [];
  if (min !== undefined) parts.push(`${lowOp} ${min}`);
  if (max !== undefined) parts.push(`${highOp} ${max}`);
  return parts.length > 0 ? ` ${parts.join(' and ')}` : '';
}

/** What a schema node accepts, in words: `integer from 1 to 365`, `one of \`a\`, \`b\``. */
export function describeSchema(schema: SchemaNode): string {
  if (Array.isArray(schema.enum))
    return `one of ${listOf(schema.enum.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))))}`;
  if (schema.const !== undefined) return `exactly ${JSON.stringify(schema.const)}`;
  const branches = (schema.anyOf ?? schema.oneOf) as SchemaNode[] | undefined;
  if (Array.isArray(branches)) return branches.map(describeSchema).join(', or ');
  const type = typeName(schema) ?? 'a value';
  if (type === 'integer' || type === 'number') return `${type}${range(schema)}`;
  if (type === 'a list' && schema.items && typeof schema.items === 'object') {
    const raw = (schema.items as SchemaNode).type;
    const item = typeof raw === 'string' ? PLURAL_TYPE_NAMES[raw] : undefined;
    return item ? `a list of ${item}` : type;
  }
  return type;
}

/** What was expected when `keyword` failed on `data` (a did-you-mean for near enum values). */
export function describeExpected(
  schema: SchemaNode,
  keyword = 'type',
  data?: unknown,
  fallback?: string,
): string {
  switch (keyword) {
    case 'type':
    case 'anyOf':
    case 'oneOf':
      return describeSchema(schema);
    case 'enum': {
      const options = (schema.enum as unknown[]).map(String);
      const near = typeof data === 'string' ? closestName(data, options) : undefined;
      return `${describeSchema(schema)}${near !== undefined ? ` (did you mean \`${near}\`?)` : ''}`;
    }
    case 'const':
      return describeSchema(schema);
    case 'pattern':
      return typeof schema.patternErrorMessage === 'string'
        ? schema.patternErrorMessage
        : `a string matching /${String(schema.pattern)}/`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${typeName(schema) ?? 'number'}${range(schema)}`;
    case 'minLength':
      return `a string of at least ${String(schema.minLength)} character${schema.minLength === 1 ? '' : 's'}`;
    case 'maxLength':
      return `a string of at most ${String(schema.maxLength)} characters`;
    case 'minItems':
      return `a list of at least ${String(schema.minItems)} item${schema.minItems === 1 ? '' : 's'}`;
    case 'maxItems':
      return `a list of at most ${String(schema.maxItems)} items`;
    case 'format':
      return `a valid ${String(schema.format)}`;
    case 'uniqueItems':
      return 'a list without duplicates';
    case 'minProperties':
      return `a mapping with at least ${String(schema.minProperties)} key${schema.minProperties === 1 ? '' : 's'}`;
    default:
      return fallback ?? `a value valid for \`${keyword}\``;
  }
}

export type Segment = string;

export function decodePointer(pointer: string): Segment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `doc-drift.stale-days`, `labels[2]`, or `the file` for the root. */
function displayPath(segments: Segment[], data: unknown): string {
  let out = '';
  let node = data;
  for (const segment of segments) {
    if (Array.isArray(node)) out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
    node =
      node && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
  }
  return out === '' ? 'the file' : `\`${out}\``;
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const text = JSON.stringify(value);
  return `${typeof value} ${text.length > 40 ? `${text.slice(0, 37)}...` : text}`;
}

export interface Located {
  segments: Segment[];
  key: boolean;
  message: string;
}

/** Where an Ajv error points and what to say about it; undefined for redundant errors. */
export function explain(
  error: ErrorObject,
  data: unknown,
  configSchema: { properties: Record<string, unknown> },
): Located | undefined {
  const segments = decodePointer(error.instancePath);
  const where = displayPath(segments, data);
  const parent = (error.parentSchema ?? {}) as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String((error.params as { additionalProperty: string }).additionalProperty);
      const known = Object.keys((parent.properties as Record<string, unknown>) ?? {});
      const hint = suggestKey(
        name,
        known,
        segments.length === 0 ? configSchema.properties : undefined,
      );
      const inWhere = segments.length === 0 ? 'at the top level' : `in ${where}`;
      return {
        segments: [...segments, name],
        key: true,
        message: `unknown key \`${name}\` ${inWhere}; ${hint}`,
      };
    }
    case 'required': {
      const name = (error.params as { missingProperty: string }).missingProperty;
      return { segments, key: false, message: `${where} is missing the required key \`${name}\`` };
    }
    case 'anyOf':
    case 'oneOf':
      return {
        segments,
        key: false,
        message: `${where}: expected ${describeExpected(parent)}, got ${describeValue(error.data)}`,
      };
    default: {
      if (error.schemaPath.includes('/anyOf/') || error.schemaPath.includes('/oneOf/'))
        return undefined;
      const expected = describeExpected(parent, error.keyword, error.data, error.message);
      return {
        segments,
        key: false,
        message: `${where}: expected ${expected}, got ${describeValue(error.data)}`,
      };
    }
  }
}
