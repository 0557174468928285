// Whether a user may decide for the repository (accept proposals, approve majors): write,
// maintain or admin permission.
import type { GitHubClient } from './github-client';
import type { RepoRef } from './context';

export async function hasWriteAccess(
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
