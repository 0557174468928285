/**
 * One JSON file on the state branch: deterministic serialisation (sorted keys, 2-space indent,
 * trailing newline, `schemaVersion` first), parsing with migration to the current version, and
 * the refusal, as a StateError naming branch, path, problem and fix, of what cannot be read.
 */
import { createHash } from 'node:crypto';
import { StateError } from '../errors';
import type { ResolvedSchema, StateData } from './schemas';

/** Where the file lives, for error messages. */
export interface StateFileLocation {
  path: string;
  /** Branch name (`tend-state`). */
  branch: string;
  /** Backend description (`branch tend-state of owner/repo`). */
  where: string;
}

/** Relative, slash-separated, no `.`/`..`/empty segment, ending in `.json`. */
export function assertStatePath(path: string): void {
  const segments = path.split('/');
  const bad =
    segments.some((s) => s === '' || s === '.' || s === '..') ||
    path.includes('\\') ||
    /[\u0000-\u001f]/.test(path);
  if (bad || !path.endsWith('.json')) {
    throw new TypeError(
      `Invalid state path ${JSON.stringify(path)}: use a relative path with \`/\` separators ending in .json (for example \`doc-drift/latest.json\`).`,
    );
  }
}

function isPlainObject(value: unknown): value is StateData {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isPlainObject(value)) return value;
  const out: StateData = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys(value[key]);
  return out;
}

/** The data as JSON would keep it (undefined dropped, dates as strings), keys sorted, without `schemaVersion`. */
export function normaliseStateData(path: string, data: unknown): StateData {
  const copy: unknown = data === undefined ? undefined : JSON.parse(JSON.stringify(data));
  if (!isPlainObject(copy)) {
    throw new TypeError(
      `State file ${path} must hold a JSON object; wrap other values, e.g. { "items": [...] }.`,
    );
  }
  const sorted = sortKeys(copy) as StateData;
  delete sorted.schemaVersion;
  return sorted;
}

/** The file's text: `schemaVersion` first, then the data with sorted keys; 2-space indent, final newline. */
export function serializeStateFile(data: StateData, version: number): string {
  const body = JSON.stringify(data, null, 2);
  const head = `{\n  "schemaVersion": ${version}`;
  return body === '{}' ? `${head}\n}\n` : `${head},\n${body.slice(2)}\n`;
}

/** The git blob id of a text (same on every git host), to tell an unchanged file without reading it. */
export function gitBlobSha(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

function refuse(location: StateFileLocation, problem: string, fix: string): StateError {
  return new StateError(
    `Cannot read ${location.path} on ${location.where}: ${problem}. Fix: ${fix}. tend left the branch untouched.`,
  );
}

/** Parses a state file and migrates it to the schema's version; throws StateError when it cannot. */
export function parseStateFile(
  text: string,
  location: StateFileLocation,
  schema: ResolvedSchema,
): { data: StateData; version: number } {
  const repair = `repair or delete ${location.path} on branch ${location.branch}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw refuse(location, `it is not valid JSON (${(error as Error).message})`, repair);
  }
  if (!isPlainObject(parsed)) {
    throw refuse(location, 'it is not a JSON object', repair);
  }
  const version = parsed.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    const found =
      version === undefined
        ? 'it has no schemaVersion'
        : `its schemaVersion ${JSON.stringify(version)} is not a positive integer`;
    throw refuse(
      location,
      found,
      `${repair} (every state file starts with "schemaVersion": <integer>)`,
    );
  }
  if (version > schema.version) {
    throw refuse(
      location,
      `it has schemaVersion ${version}, newer than the ${schema.version} this tend reads (a newer tend wrote it)`,
      'upgrade tend to the version that wrote this branch',
    );
  }
  let data: StateData = { ...parsed };
  delete data.schemaVersion;
  for (let from = version; from < schema.version; from += 1) {
    const step = schema.migrate?.[from];
    if (!step) {
      throw refuse(
        location,
        `it has schemaVersion ${from} and this tend has no migration from ${from} to ${from + 1}`,
        `${repair}, or use a tend version that still reads schemaVersion ${from}`,
      );
    }
    try {
      const next: unknown = step(data);
      if (!isPlainObject(next)) throw new Error('the migration did not return an object');
      data = { ...next };
      delete data.schemaVersion;
    } catch (error) {
      throw refuse(
        location,
        `migrating it from schemaVersion ${from} failed (${(error as Error).message})`,
        repair,
      );
    }
  }
  const problem = schema.validate?.(data);
  if (problem) {
    throw refuse(
      location,
      `its content does not match schemaVersion ${schema.version} (${problem})`,
      repair,
    );
  }
  return { data, version };
}
