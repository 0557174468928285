// The Publisher that writes to GitHub: create-or-update by fingerprint marker, every write
// idempotent (an unchanged rerun makes read requests only; a create is never resent blindly
// after a lost answer; concurrent runs settle on one item). The rules are on Publisher.

import type { Logger, RepoRef } from '../context';
import type { GitHubClient } from '../github-client';
import type { PublishOutcome } from '../types';
import { validateFingerprint } from './fingerprint';
import { createGitBranches } from './git-branch';
import { createIssueStore } from './issue-store';
import { createLabelManager } from './labels';
import type { PullRequestSpec, Publisher } from './publisher';
import { createPullRequestStore } from './pull-request-store';

export interface GitHubPublisherOptions {
  client: GitHubClient;
  repo: RepoRef;
  action: string;
  /** Base for PRs without `base`; read from the repository when absent. */
  defaultBranch?: string;
  logger: Logger;
  /** Web URL of the GitHub server for compare links (default https://github.com). */
  serverUrl?: string;
}

/** The issue that stands in for a PR GitHub would not let tend open. */
export function fallbackIssueKey(key: string): string {
  return `pr-fallback/${key}`;
}

export function compareUrl(serverUrl: string, repo: RepoRef, base: string, branch: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/${repo.owner}/${repo.repo}/compare/${base}...${branch}`;
}

export function createGitHubPublisher(options: GitHubPublisherOptions): Publisher {
  const { client, repo, action, logger } = options;
  const serverUrl = options.serverUrl ?? 'https://github.com';
  const labels = createLabelManager(client, repo, logger);
  const issues = createIssueStore(client, repo, action, logger, labels);
  let defaultBranch: Promise<string> | undefined = options.defaultBranch
    ? Promise.resolve(options.defaultBranch)
    : undefined;

  async function openFallbackIssue(
    spec: PullRequestSpec,
    branch: string,
    base: string,
  ): Promise<PublishOutcome> {
    const link = compareUrl(serverUrl, repo, base, branch);
    logger.warning(
      `GitHub Actions is not permitted to create pull requests in ${repo.owner}/${repo.repo}: ` +
        `the changes for tend:${action}:${spec.key} are on ${branch} and an issue links to ${link}. ` +
        'To let tend open pull requests, enable "Allow GitHub Actions to create and approve pull requests" ' +
        'in Settings > Actions > General, or give tend a token that may open pull requests.',
    );
    const notice = [
      '> [!NOTE]',
      '> tend could not open this as a pull request: GitHub Actions is not permitted to create pull requests ' +
        `in this repository. The changes are on branch \`${branch}\`: [review them and open the pull request](${link}).`,
      '> To let tend open pull requests itself, enable "Allow GitHub Actions to create and approve pull requests" ' +
        'in Settings > Actions > General.',
      '',
    ].join('\n');
    const outcome = await issues.upsert({
      key: fallbackIssueKey(spec.key),
      title: spec.title,
      body: `${notice}\n${spec.body}`,
      labels: spec.labels,
    });
    return { ...outcome, key: spec.key, url: outcome.url ?? link };
  }

  const pulls = createPullRequestStore({
    client,
    repo,
    action,
    logger,
    labels,
    git: createGitBranches(client, repo),
    baseBranch: () =>
      (defaultBranch ??= client.rest.repos
        .get({ ...repo })
        .then(({ data }) => data.default_branch)),
    onForbidden: openFallbackIssue,
  });

  return {
    async upsertIssue(spec) {
      validateFingerprint(action, spec.key);
      return issues.upsert(spec);
    },

    async closeIssue(key, comment) {
      validateFingerprint(action, key);
      return issues.close(key, comment);
    },

    async upsertPullRequest(spec) {
      validateFingerprint(action, spec.key);
      const outcome = await pulls.upsert(spec);
      if (outcome.kind === 'pull' && outcome.status === 'created') {
        // A PR now exists: the stand-in issue of an earlier forbidden attempt is done.
        await issues.close(
          fallbackIssueKey(spec.key),
          `Superseded by pull request #${outcome.number}.`,
        );
      }
      return outcome;
    },

    async closePullRequest(key, comment) {
      validateFingerprint(action, key);
      const closed = await pulls.close(key, comment);
      if (closed) return closed;
      const fallback = await issues.close(fallbackIssueKey(key), comment);
      return fallback.status === 'closed'
        ? { ...fallback, key }
        : { kind: 'pull', key, status: 'absent' };
    },
  };
}
