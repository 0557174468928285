// Comments tend posts on its issues and PRs (before closing them), posted once even when
// GitHub's answer to the post is lost.

import type { RepoRef } from '../context';
import type { GitHubClient } from '../github-client';
import { fitBody } from './body-limit';
import { sameBody } from './issue-records';
import { createOnce, NO_RETRY } from './uncertain-write';

/** Posts `body` on issue or PR `issue`; after an uncertain failure, looks for it before posting again. */
export async function postCommentOnce(
  client: GitHubClient,
  repo: RepoRef,
  issue: number,
  body: string,
): Promise<void> {
  const text = fitBody(body);
  await createOnce({
    create: async () => {
      const { data } = await client.rest.issues.createComment({
        ...repo,
        issue_number: issue,
        body: text,
        request: NO_RETRY,
      });
      return data.id;
    },
    recover: async () => {
      const comments = await client.paginate(client.rest.issues.listComments, {
        ...repo,
        issue_number: issue,
        per_page: 100,
      });
      return comments.find((posted) => sameBody(posted.body ?? '', text))?.id;
    },
  });
}
