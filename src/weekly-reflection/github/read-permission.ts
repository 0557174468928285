// Whether a user may decide on proposals: write, maintain or admin on the repository.
import type { GitHubClient } from '../../core/github-client';
import type { RepoRef } from '../../core/context';

export async function canDecide(
  client: GitHubClient,
  repo: RepoRef,
  login: string,
): Promise<boolean> {
  try {
    const { data } = await client.rest.repos.getCollaboratorPermissionLevel({
      owner: repo.owner,
      repo: repo.repo,
      username: login,
    });
    const roleName = (data as { role_name?: string }).role_name;
    return (
      ['admin', 'maintain', 'write'].includes(data.permission) ||
      ['admin', 'maintain', 'write'].includes(roleName ?? '')
    );
  } catch (error) {
    if ((error as { status?: number }).status === 404) return false;
    throw error;
  }
}
