// The repository's open Dependabot alerts, when the token may read them (403/404 -> a note).
import type { RepoRef } from '../core/context';
import type { GitHubClient } from '../core/github-client';

export async function readDependabotAlerts(
  github: GitHubClient,
  repo: RepoRef,
): Promise<{ count?: number; note: string }> {
  try {
    const response = await github.request('GET /repos/{owner}/{repo}/dependabot/alerts', {
      ...repo,
      state: 'open',
      per_page: 100,
    });
    const alerts = response.data as unknown[];
    return {
      count: alerts.length,
      note: `Dependabot reports ${alerts.length}${alerts.length === 100 ? '+' : ''} open alert(s) for this repository.`,
    };
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 403 || status === 404) {
      return {
        note: 'Dependabot alerts were not read: the token lacks `security-events: read` (or alerts are off); OSV results stand on their own.',
      };
    }
    return {
      note: `Dependabot alerts were not read: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
