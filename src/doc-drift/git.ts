// The few git commands doc-drift needs, run with execFile/spawn (no shell). Output that can be
// large (history walks) is streamed line by line.
import { execFile, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface Git {
  /** Runs git and returns stdout; throws with git's stderr on failure. */
  run(args: string[]): Promise<string>;
  /** Runs git and hands stdout to `onLine` line by line (without the newline). */
  lines(args: string[], onLine: (line: string) => void): Promise<void>;
}

export function createGit(cwd: string): Git {
  const base = ['-c', 'core.quotePath=false', '-c', 'diff.renameLimit=5000', '--no-pager'];
  return {
    run: (args) =>
      new Promise((resolve, reject) => {
        execFile(
          'git',
          [...base, ...args],
          { cwd, maxBuffer: 1 << 30, encoding: 'utf8' },
          (error, stdout, stderr) => {
            if (error)
              reject(new Error(`git ${args[0]} failed: ${(stderr || error.message).trim()}`));
            else resolve(stdout);
          },
        );
      }),
    lines: (args, onLine) =>
      new Promise((resolve, reject) => {
        const child = spawn('git', [...base, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
        let stderr = '';
        child.stderr.setEncoding('utf8');
        child.stderr.on('data', (chunk: string) => {
          if (stderr.length < 4096) stderr += chunk;
        });
        const reader = createInterface({ input: child.stdout, crlfDelay: Infinity });
        reader.on('line', onLine);
        child.on('error', reject);
        child.on('close', (code) => {
          if (code === 0) resolve();
          else reject(new Error(`git ${args[0]} failed (exit ${code}): ${stderr.trim()}`));
        });
      }),
  };
}

export interface GitStatus {
  repository: boolean;
  shallow: boolean;
  head?: string;
}

export async function gitStatus(git: Git): Promise<GitStatus> {
  try {
    const out = await git.run(['rev-parse', '--is-shallow-repository', 'HEAD']);
    const [shallow, head] = out.trim().split('\n');
    return { repository: true, shallow: shallow === 'true', head };
  } catch {
    return { repository: false, shallow: false };
  }
}

/** Files changed between two commits (`base...head`, i.e. since their merge base). */
export async function changedFiles(git: Git, base: string, head: string): Promise<string[]> {
  const out = await git.run(['diff', '--name-only', '-M', '-z', `${base}...${head}`]);
  return out.split('\0').filter((p) => p !== '');
}
