import { ConfigurationError } from './errors';

/**
 * Where inputs come from: the runner's INPUT_* variables, CLI flags, or the config file.
 * `get` returns undefined (or '') when the input was not given.
 */
export interface InputReader {
  /** Where the values come from, for error messages: `input`, `flag`, `.github/tend.yml`. */
  readonly source: string;
  get(name: string): string | undefined;
  /** Where a given input's value came from, when readers are layered. */
  sourceOf?(name: string): string;
}

/** Inputs from a plain record (tests, CLI flags). */
export function recordReader(
  values: Record<string, string | undefined>,
  source = 'input',
): InputReader {
  return { source, get: (name) => values[name] };
}

/**
 * Inputs from INPUT_* variables, as the runner sets them (spaces -> _, upper case, hyphens kept).
 * A composite action hands its inputs on as one JSON object in TEND_INPUTS
 * (`TEND_INPUTS: ${{ toJSON(inputs) }}`), so no input can be forgotten on the way.
 */
export function envReader(env: NodeJS.ProcessEnv = process.env): InputReader {
  let bundled: Record<string, unknown> | undefined;
  if (env.TEND_INPUTS) {
    try {
      const parsed: unknown = JSON.parse(env.TEND_INPUTS);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
        bundled = parsed as Record<string, unknown>;
    } catch {
      throw new ConfigurationError(
        'TEND_INPUTS is not a JSON object.',
        'pass the inputs of a composite action as `TEND_INPUTS: ${{ toJSON(inputs) }}`.',
      );
    }
  }
  return {
    source: 'input',
    get(name) {
      const direct = env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`]?.trim();
      if (direct !== undefined && direct !== '') return direct;
      const value = bundled?.[name];
      return value === undefined || value === null ? direct : String(value).trim();
    },
  };
}

/** The first reader that has a non-empty value wins (action inputs override the config file). */
export function layeredReader(...readers: InputReader[]): InputReader {
  const provider = (name: string) =>
    readers.find((reader) => {
      const value = reader.get(name);
      return value !== undefined && value !== '';
    });
  return {
    source: readers[0]?.source ?? 'input',
    get: (name) => provider(name)?.get(name),
    sourceOf: (name) => {
      const reader = provider(name);
      return reader?.sourceOf?.(name) ?? reader?.source ?? readers[0]?.source ?? 'input';
    },
  };
}

/** Config values (numbers, booleans, lists) as input strings; lists joined by newlines. */
export function configReader(
  section: Record<string, unknown> | undefined,
  source: string,
): InputReader {
  return {
    source,
    get(name) {
      const value = section?.[name];
      if (value === undefined || value === null) return undefined;
      if (Array.isArray(value)) return value.map(String).join('\n');
      if (typeof value === 'object') return JSON.stringify(value);
      return String(value);
    },
  };
}

function bad(
  reader: InputReader,
  name: string,
  value: string,
  allowed: string,
): ConfigurationError {
  return new ConfigurationError(
    `Invalid ${reader.sourceOf?.(name) ?? reader.source} \`${name}\`: ${JSON.stringify(value)}.`,
    `set \`${name}\` to ${allowed}.`,
  );
}

function raw(reader: InputReader, name: string): string | undefined {
  const value = reader.get(name)?.trim();
  return value === '' ? undefined : value;
}

export function requiredInput(reader: InputReader, name: string): string {
  const value = raw(reader, name);
  if (value === undefined) {
    throw new ConfigurationError(
      `Missing required ${reader.source} \`${name}\`.`,
      `set \`${name}\`.`,
    );
  }
  return value;
}

export function optionalInput(reader: InputReader, name: string): string | undefined;
export function optionalInput(reader: InputReader, name: string, fallback: string): string;
export function optionalInput(
  reader: InputReader,
  name: string,
  fallback?: string,
): string | undefined {
  return raw(reader, name) ?? fallback;
}

const TRUE = new Set(['true', 'yes', 'on', '1']);
const FALSE = new Set(['false', 'no', 'off', '0']);

/** Tri-state: true, false, or undefined when not given (so the caller can pick a default). */
export function booleanInput(reader: InputReader, name: string): boolean | undefined;
export function booleanInput(reader: InputReader, name: string, fallback: boolean): boolean;
export function booleanInput(
  reader: InputReader,
  name: string,
  fallback?: boolean,
): boolean | undefined {
  const value = raw(reader, name);
  if (value === undefined) return fallback;
  const lower = value.toLowerCase();
  if (TRUE.has(lower)) return true;
  if (FALSE.has(lower)) return false;
  throw bad(reader, name, value, '`true` or `false`');
}

export function intInput(
  reader: InputReader,
  name: string,
  bounds: { min: number; max: number; fallback: number },
): number {
  const value = raw(reader, name);
  if (value === undefined) return bounds.fallback;
  if (!/^-?\d+$/.test(value))
    throw bad(reader, name, value, `a whole number from ${bounds.min} to ${bounds.max}`);
  const n = Number(value);
  if (n < bounds.min || n > bounds.max) {
    throw bad(reader, name, value, `a whole number from ${bounds.min} to ${bounds.max}`);
  }
  return n;
}

/** A list split on commas or newlines, trimmed, empties dropped. */
export function listInput(reader: InputReader, name: string, fallback: string[] = []): string[] {
  const value = raw(reader, name);
  if (value === undefined) return fallback;
  return value
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export function enumInput<const T extends string>(
  reader: InputReader,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = raw(reader, name);
  if (value === undefined) return fallback;
  const match = allowed.find((option) => option === value.toLowerCase());
  if (match === undefined)
    throw bad(reader, name, value, `one of ${allowed.map((a) => `\`${a}\``).join(', ')}`);
  return match;
}

/**
 * Glob patterns (one per line or comma-separated). Patterns that would leave the repository
 * (absolute, or climbing with `..`) are refused. A leading `!` negates.
 */
export function globsInput(reader: InputReader, name: string, fallback: string[] = []): string[] {
  const globs = listInput(reader, name, fallback);
  for (const glob of globs) {
    const pattern = glob.startsWith('!') ? glob.slice(1) : glob;
    if (
      pattern.startsWith('/') ||
      /^[A-Za-z]:[\\/]/.test(pattern) ||
      pattern.split(/[\\/]/).includes('..')
    ) {
      throw bad(
        reader,
        name,
        glob,
        'globs relative to the repository root (no leading `/`, no `..`)',
      );
    }
  }
  return globs;
}
