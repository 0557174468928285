// A publisher that never calls GitHub: each would-be issue or PR is written as a Markdown file.

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PublishOutcome } from '../types';
import { fitBody } from './body-limit';
import { fingerprintBranch, validateFingerprint, withMarker } from './fingerprint';
import { unifiedDiff } from './line-diff';
import { neutraliseForTitle } from './neutralise';
import type { IssueSpec, PullRequestSpec, Publisher } from './publisher';
import { labelsFor } from './labels';

export interface DryRunPublisherOptions {
  /** Folder the files go to: `<outDir>/<action>/issue-<key>.md` and `pr-<key>.md`. */
  outDir: string;
  action: string;
  /** Repository checkout; when given, PR files show a diff against its current files. */
  workspace?: string;
}

/** The file name for a key: `/` becomes `__`, and nothing outside `[a-z0-9._-]` survives. */
function fileName(prefix: 'issue' | 'pr', key: string): string {
  return `${prefix}-${key.replace(/\//g, '__').replace(/[^a-z0-9._-]/g, '-')}.md`;
}

function safePath(root: string, ...parts: string[]): string {
  const target = path.resolve(root, ...parts);
  const relative = path.relative(root, target);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new Error(`Refusing to write ${target}: it is outside the dry-run folder ${root}.`);
  }
  return target;
}

function fenced(text: string, info = ''): string {
  const longest = Math.max(0, ...[...text.matchAll(/`{3,}/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${text.replace(/\n$/, '')}\n${fence}`;
}

async function readCurrent(
  workspace: string | undefined,
  file: string,
): Promise<string | null | undefined> {
  if (workspace === undefined) return undefined;
  const root = path.resolve(workspace);
  const target = path.resolve(root, file);
  const relative = path.relative(root, target);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  try {
    return await readFile(target, 'utf8');
  } catch {
    return null;
  }
}

async function renderChange(
  workspace: string | undefined,
  change: PullRequestSpec['changes'][number],
): Promise<string> {
  const current = await readCurrent(workspace, change.path);
  const heading = `### \`${change.path}\``;
  if (current !== undefined) {
    const diff = unifiedDiff(change.path, current, change.content);
    if (diff === '') return `${heading}\n\nNo change: the file already has this content.`;
    if (diff !== undefined) return `${heading}\n\n${fenced(diff, 'diff')}`;
  }
  if (change.content === null) return `${heading}\n\nDeleted.`;
  return `${heading}\n\nNew contents:\n\n${fenced(change.content)}`;
}

export function createDryRunPublisher(options: DryRunPublisherOptions): Publisher {
  const root = path.resolve(options.outDir);
  const action = options.action;

  async function write(prefix: 'issue' | 'pr', key: string, text: string): Promise<string> {
    validateFingerprint(action, key);
    const target = safePath(root, action, fileName(prefix, key));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text, 'utf8');
    return target;
  }

  function header(spec: IssueSpec, kind: string): string[] {
    return [
      `<!-- tend dry run: the ${kind} below was not sent to GitHub -->`,
      `# ${neutraliseForTitle(spec.title)}`,
      '',
      `- Fingerprint: \`tend:${action}:${spec.key}\``,
      `- Labels: ${labelsFor(action, spec.labels)
        .map((label) => `\`${label}\``)
        .join(', ')}`,
    ];
  }

  return {
    async upsertIssue(spec: IssueSpec): Promise<PublishOutcome> {
      const body = fitBody(withMarker(spec.body, action, spec.key));
      const file = await write(
        'issue',
        spec.key,
        [...header(spec, 'issue'), '', '---', '', body].join('\n'),
      );
      return { kind: 'issue', key: spec.key, status: 'dry-run', path: file };
    },

    async closeIssue(key: string): Promise<PublishOutcome> {
      validateFingerprint(action, key);
      return { kind: 'issue', key, status: 'dry-run' };
    },

    async upsertPullRequest(spec: PullRequestSpec): Promise<PublishOutcome> {
      const branch = fingerprintBranch(action, spec.key);
      const body = fitBody(withMarker(spec.body, action, spec.key));
      const changes = await Promise.all(
        spec.changes.map((change) => renderChange(options.workspace, change)),
      );
      const lines = [
        ...header(spec, 'pull request'),
        `- Branch: \`${branch}\` into \`${spec.base ?? 'the default branch'}\``,
        `- Commit message: ${JSON.stringify(spec.commitMessage)}`,
        '',
        '## Changed files',
        '',
        ...spec.changes.map(
          (change) => `- \`${change.path}\`${change.content === null ? ' (deleted)' : ''}`,
        ),
        '',
        '## Body',
        '',
        body,
        '',
        '## Changes',
        '',
        changes.join('\n\n'),
        '',
      ];
      const file = await write('pr', spec.key, lines.join('\n'));
      return { kind: 'pull', key: spec.key, status: 'dry-run', path: file };
    },

    async closePullRequest(key: string): Promise<PublishOutcome> {
      validateFingerprint(action, key);
      return { kind: 'pull', key, status: 'dry-run' };
    },
  };
}
