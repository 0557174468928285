// Executes a built dist/<action>/index.js the way the GitHub Actions runner does: INPUT_*
// variables (with action.yml defaults applied), the event file, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY,
// GITHUB_API_URL and friends. Tests therefore exercise the shipped bundle, not the sources.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface EmulatorLike {
  url: string;
  token: string;
  owner?: string;
  repo?: string;
}

export interface RunBundleOptions {
  inputs?: Record<string, string>;
  workspace: string;
  emulator?: EmulatorLike;
  event?: Record<string, unknown>;
  eventName?: string;
  env?: Record<string, string>;
  /** Bundle path override (default dist/<action>/index.js). */
  bundle?: string;
  /** action.yml override (default actions/<action>/action.yml), for its input defaults. */
  metadataFile?: string;
  /** Node binary (default: TEND_NODE or the current one). */
  node?: string;
  timeoutMs?: number;
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  properties: Record<string, string>;
}

export interface BundleRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  annotations: Annotation[];
  durationMs: number;
}

interface ActionMetadata {
  inputs?: Record<string, { default?: string; required?: boolean }>;
  runs?: { using?: string; main?: string };
}

export function readActionMetadata(
  action: string,
  file = path.join(ROOT, 'actions', action, 'action.yml'),
): ActionMetadata {
  return parseYaml(readFileSync(file, 'utf8')) as ActionMetadata;
}

/** Resolves the few expressions tend's action.yml defaults use. */
function resolveDefault(value: string, emulator: EmulatorLike | undefined): string {
  return value.replace(/\$\{\{\s*github\.token\s*\}\}/g, emulator?.token ?? '');
}

/** Parses GITHUB_OUTPUT: `name=value` lines and `name<<DELIM ... DELIM` blocks. */
export function parseFileCommands(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc as unknown as [string, string, string];
      const value: string[] = [];
      i += 1;
      while (i < lines.length && lines[i] !== delimiter) value.push(lines[i++] as string);
      result[name] = value.join('\n');
    } else if (line.includes('=')) {
      const at = line.indexOf('=');
      result[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return result;
}

function unescapeCommand(value: string): string {
  return value
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%');
}

export function parseAnnotations(stdout: string): Annotation[] {
  const annotations: Annotation[] = [];
  for (const line of stdout.split('\n')) {
    const match = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!match) continue;
    const properties: Record<string, string> = {};
    for (const pair of (match[2] ?? '').split(',')) {
      const at = pair.indexOf('=');
      if (at > 0) properties[pair.slice(0, at)] = unescapeCommand(pair.slice(at + 1));
    }
    annotations.push({
      level: match[1] as Annotation['level'],
      message: unescapeCommand(match[3] ?? ''),
      properties,
    });
  }
  return annotations;
}

export async function runBundle(action: string, options: RunBundleOptions): Promise<BundleRun> {
  const temp = await mkdtemp(path.join(os.tmpdir(), `tend-runner-${action}-`));
  const files = {
    event: path.join(temp, 'event.json'),
    output: path.join(temp, 'output'),
    summary: path.join(temp, 'summary.md'),
    state: path.join(temp, 'state'),
    env: path.join(temp, 'env'),
    path: path.join(temp, 'path'),
  };
  await writeFile(files.event, JSON.stringify(options.event ?? {}));
  for (const f of [files.output, files.summary, files.state, files.env, files.path])
    await writeFile(f, '');

  const metadata = readActionMetadata(action, options.metadataFile);
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(metadata.inputs ?? {})) {
    if (spec.default !== undefined)
      inputs[name] = resolveDefault(String(spec.default), options.emulator);
  }
  Object.assign(inputs, options.inputs ?? {});

  const emulator = options.emulator;
  const owner = emulator?.owner ?? 'acme';
  const repo = emulator?.repo ?? 'widgets';
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? temp,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_REPOSITORY: `${owner}/${repo}`,
    GITHUB_REPOSITORY_OWNER: owner,
    GITHUB_EVENT_NAME: options.eventName ?? 'workflow_dispatch',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    GITHUB_ENV: files.env,
    GITHUB_PATH: files.path,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: emulator?.url ?? 'http://127.0.0.1:9',
    GITHUB_GRAPHQL_URL: `${emulator?.url ?? 'http://127.0.0.1:9'}/graphql`,
    GITHUB_SHA: '0'.repeat(40),
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: 'octocat',
    GITHUB_WORKFLOW: 'tend',
    GITHUB_JOB: 'tend',
    RUNNER_TEMP: temp,
    RUNNER_OS: 'Linux',
    // The emulator is local: no need to space writes or wait out GitHub's full retry delays.
    TEND_SPACE_WRITES: 'false',
    TEND_RETRY_BASE_MS: '10',
    ...options.env,
  };
  for (const [name, value] of Object.entries(inputs))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;

  const bundle = options.bundle ?? path.join(ROOT, 'dist', action, 'index.js');
  const node = options.node ?? process.env.TEND_NODE ?? process.execPath;
  const started = Date.now();
  const { exitCode, stdout, stderr } = await new Promise<{
    exitCode: number | null;
    stdout: string;
    stderr: string;
  }>((resolve, reject) => {
    const child = spawn(node, [bundle], {
      cwd: options.workspace,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ exitCode: code, stdout: out, stderr: err });
    });
  });
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseFileCommands(await readFile(files.output, 'utf8')),
    summary: await readFile(files.summary, 'utf8'),
    annotations: parseAnnotations(stdout),
    durationMs: Date.now() - started,
  };
}
