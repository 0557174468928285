/**
 * Versions of the JSON files on the state branch. Each file carries `schemaVersion`; a registry
 * maps path patterns (`proposals.json`, `doc-drift/history/*.json`, `**.json`) to the current
 * version and the migrations that bring an older file up to it. Unregistered paths are at
 * version 1. Actions register the schemas of their own files (`registerStateSchema`); a pattern
 * may also be a RegExp.
 */

/** A JSON object without its `schemaVersion`. */
export type StateData = Record<string, unknown>;

/** One step: turns the data of version `from` into the data of version `from + 1`. */
export type StateMigration = (data: StateData) => StateData;

export interface StateFileSchema {
  /** Current version (an integer from 1). Files are written at this version. */
  version: number;
  /** Steps keyed by the version they start from: `{ 1: v1ToV2, 2: v2ToV3 }`. */
  migrate?: Record<number, StateMigration>;
  /** Checks the (migrated) data; returns what is wrong, or undefined when it is fine. */
  validate?: (data: StateData) => string | undefined;
}

export interface ResolvedSchema extends StateFileSchema {
  /** The pattern that matched, or undefined for the default. */
  pattern?: string | RegExp;
}

const DEFAULT_SCHEMA: ResolvedSchema = { version: 1 };

/** `*` matches within one path segment, `**` across segments, `?` one character. */
function patternToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i] as string;
    if (char === '*' && pattern[i + 1] === '*') {
      source += '.*';
      i += 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** How specific a pattern is: literal characters count, wildcards do not. */
function specificity(pattern: string | RegExp): number {
  return typeof pattern === 'string'
    ? pattern.replace(/\*|\?/g, '').length
    : pattern.source.replace(/\W/g, '').length;
}

export class StateSchemas {
  private readonly entries: { pattern: string | RegExp; regex: RegExp; schema: StateFileSchema }[] =
    [];

  constructor(initial?: Record<string, StateFileSchema>) {
    for (const [pattern, schema] of Object.entries(initial ?? {})) this.register(pattern, schema);
  }

  /** Registers (or replaces) the schema of the files matching `pattern`. */
  register(pattern: string | RegExp, schema: StateFileSchema): this {
    if (!Number.isInteger(schema.version) || schema.version < 1) {
      throw new TypeError(
        `State schema for ${String(pattern)}: version must be an integer from 1, got ${schema.version}.`,
      );
    }
    const same = (other: string | RegExp) =>
      String(other) === String(pattern) && typeof other === typeof pattern;
    const index = this.entries.findIndex((entry) => same(entry.pattern));
    const regex =
      typeof pattern === 'string'
        ? patternToRegExp(pattern)
        : new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
    const entry = { pattern, regex, schema };
    if (index >= 0) this.entries[index] = entry;
    else this.entries.push(entry);
    return this;
  }

  /** The schema of a path: an exact pattern first, then the most specific matching one. */
  resolve(path: string): ResolvedSchema {
    let best: { pattern: string | RegExp; schema: StateFileSchema } | undefined;
    for (const entry of this.entries) {
      if (!entry.regex.test(path)) continue;
      if (entry.pattern === path) return { ...entry.schema, pattern: entry.pattern };
      if (!best || specificity(entry.pattern) > specificity(best.pattern)) best = entry;
    }
    return best ? { ...best.schema, pattern: best.pattern } : DEFAULT_SCHEMA;
  }
}

/** The registry a store uses unless it is given its own. */
export const defaultStateSchemas = new StateSchemas();

/** Registers a file schema in the default registry (call before the store reads the file). */
export function registerStateSchema(pattern: string | RegExp, schema: StateFileSchema): void {
  defaultStateSchemas.register(pattern, schema);
}
