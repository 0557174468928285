// Runs a command in a directory and keeps its output; injected so tests can stay fast.
import { spawn } from 'node:child_process';

export interface CommandResult {
  code: number;
  output: string;
}

export type CommandRunner = (
  command: string,
  options: { cwd: string; env?: Record<string, string>; timeoutMs?: number },
) => Promise<CommandResult>;

/** Runs `command` through the shell (so `npm test -- --ci` works as written). */
export const shellCommandRunner: CommandRunner = (command, { cwd, env, timeoutMs = 15 * 60_000 }) =>
  new Promise((resolve) => {
    const child = spawn(command, {
      cwd,
      shell: true,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const append = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.length > 200_000) output = output.slice(-100_000);
    };
    child.stdout.on('data', append);
    child.stderr.on('data', append);
    const timer = setTimeout(() => {
      output += `\n[tend] command timed out after ${Math.round(timeoutMs / 1000)} s`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: 127, output: `${output}\n${error.message}` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, output });
    });
  });

/**
 * Single-quotes an argument for the shell. Package names come from manifests and versions from
 * registries: neither may smuggle shell syntax into a command.
 */
export const quote = (arg: string) =>
  /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;

/** The last lines of a command's output, for the report. */
export function outputExcerpt(output: string, lines = 25, chars = 2500): string {
  const tail = output
    .replace(/\u001b\[[0-9;]*m/g, '')
    .trimEnd()
    .split('\n')
    .slice(-lines)
    .join('\n');
  return tail.length > chars ? tail.slice(-chars) : tail;
}
