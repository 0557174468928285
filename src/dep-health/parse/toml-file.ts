// TOML reading with errors that name the file and line.
import { parse, TomlError } from 'smol-toml';
import type { ParseProblem } from '../model';

export function readToml(
  file: string,
  text: string,
  problems: ParseProblem[],
): Record<string, unknown> | undefined {
  try {
    return parse(text) as Record<string, unknown>;
  } catch (error) {
    const line = error instanceof TomlError ? error.line : undefined;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    problems.push({
      file,
      line,
      message: `${file} is not valid TOML${line ? ` (line ${line})` : ''}: ${reason}`,
    });
    return undefined;
  }
}

export function table(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
