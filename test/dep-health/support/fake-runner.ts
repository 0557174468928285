// A CommandRunner for unit tests: records every command with where and how it ran, and
// answers from the first handler whose pattern matches (else success).
import type { CommandResult, CommandRunner } from '../../../src/dep-health/command-runner';

export interface Call {
  command: string;
  cwd: string;
  env: Record<string, string>;
}

export type Handler = (call: Call) => CommandResult | void;

export function fakeRunner(handlers: [RegExp, Handler][] = []) {
  const calls: Call[] = [];
  const runner: CommandRunner = async (command, { cwd, env = {} }) => {
    const call = { command, cwd, env };
    calls.push(call);
    const match = handlers.find(([re]) => re.test(command));
    return (match && match[1](call)) || { code: 0, output: 'ok' };
  };
  return { runner, calls };
}
