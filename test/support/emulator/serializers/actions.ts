// GitHub-shaped workflow runs, collaborator permissions and Dependabot alerts.
import type { DependabotAlertRecord, WorkflowRunRecord } from '../store';
import {
  minimalRepository,
  permissionView,
  repoApiUrl,
  repoHtmlUrl,
  simpleUser,
  type SerializeContext,
} from './users-repos';

export function workflowRun(
  ctx: SerializeContext,
  run: WorkflowRunRecord,
): Record<string, unknown> {
  const api = `${repoApiUrl(ctx)}/actions/runs/${run.id}`;
  const commit = ctx.store.git.readCommit(run.head_sha);
  const repoRef = {
    id: ctx.store.repository.id,
    url: repoApiUrl(ctx),
    name: ctx.store.repository.name,
  };
  return {
    id: run.id,
    name: run.name,
    node_id: run.node_id,
    head_branch: run.head_branch,
    head_sha: run.head_sha,
    path: run.path,
    display_title: run.name,
    run_number: run.run_number,
    run_attempt: run.run_attempt,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: run.workflow_id,
    check_suite_id: run.id + 1,
    check_suite_node_id: Buffer.from(`CheckSuite:${run.id + 1}`).toString('base64'),
    url: api,
    html_url: `${repoHtmlUrl(ctx)}/actions/runs/${run.id}`,
    pull_requests: run.pull_requests.flatMap((number) => {
      const pull = ctx.store.issue(number)?.pull;
      if (!pull) return [];
      return [
        {
          id: ctx.store.issue(number)?.id ?? number,
          number,
          url: `${repoApiUrl(ctx)}/pulls/${number}`,
          head: { ref: pull.head.ref, sha: pull.head.sha, repo: repoRef },
          base: { ref: pull.base.ref, sha: pull.base.sha, repo: repoRef },
        },
      ];
    }),
    created_at: run.created_at,
    updated_at: run.updated_at,
    actor: simpleUser(ctx, run.actor),
    triggering_actor: simpleUser(ctx, run.actor),
    run_started_at: run.run_started_at,
    jobs_url: `${api}/jobs`,
    logs_url: `${api}/logs`,
    check_suite_url: `${repoApiUrl(ctx)}/check-suites/${run.id + 1}`,
    artifacts_url: `${api}/artifacts`,
    cancel_url: `${api}/cancel`,
    rerun_url: `${api}/rerun`,
    previous_attempt_url: run.run_attempt > 1 ? `${api}/attempts/${run.run_attempt - 1}` : null,
    workflow_url: `${repoApiUrl(ctx)}/actions/workflows/${run.workflow_id}`,
    head_commit: commit
      ? {
          id: run.head_sha,
          tree_id: commit.tree,
          message: commit.message,
          timestamp: commit.committer.date,
          author: { name: commit.author.name, email: commit.author.email },
          committer: { name: commit.committer.name, email: commit.committer.email },
        }
      : null,
    repository: minimalRepository(ctx),
    head_repository: minimalRepository(ctx),
  };
}

export function collaboratorPermission(
  ctx: SerializeContext,
  login: string,
): Record<string, unknown> {
  const permission = ctx.store.permissionOf(login);
  const view = permissionView(permission);
  return {
    permission: view.legacy,
    role_name: permission,
    user: { ...simpleUser(ctx, login), permissions: view.map, role_name: permission },
  };
}

export function dependabotAlert(
  ctx: SerializeContext,
  alert: DependabotAlertRecord,
): Record<string, unknown> {
  const pkg = { ecosystem: alert.ecosystem, name: alert.package };
  const vulnerability = {
    package: pkg,
    severity: alert.severity,
    vulnerable_version_range: alert.vulnerable_version_range,
    first_patched_version: alert.first_patched_version
      ? { identifier: alert.first_patched_version }
      : null,
  };
  const identifiers = [{ type: 'GHSA', value: alert.ghsa_id }];
  if (alert.cve_id) identifiers.push({ type: 'CVE', value: alert.cve_id });
  return {
    number: alert.number,
    state: alert.state,
    dependency: {
      package: pkg,
      manifest_path: alert.manifest_path,
      scope: alert.scope,
      relationship: 'direct',
    },
    security_advisory: {
      ghsa_id: alert.ghsa_id,
      cve_id: alert.cve_id,
      summary: alert.summary,
      description: alert.description,
      vulnerabilities: [vulnerability],
      severity: alert.severity,
      cvss: { score: 0, vector_string: null },
      cwes: [],
      identifiers,
      references: [{ url: `https://github.com/advisories/${alert.ghsa_id}` }],
      published_at: alert.created_at,
      updated_at: alert.updated_at,
      withdrawn_at: null,
    },
    security_vulnerability: vulnerability,
    url: `${repoApiUrl(ctx)}/dependabot/alerts/${alert.number}`,
    html_url: `${repoHtmlUrl(ctx)}/security/dependabot/${alert.number}`,
    created_at: alert.created_at,
    updated_at: alert.updated_at,
    dismissed_at: alert.dismissed_at,
    dismissed_by: alert.state === 'dismissed' ? simpleUser(ctx, ctx.store.repository.owner) : null,
    dismissed_reason: alert.dismissed_reason,
    dismissed_comment: null,
    fixed_at: alert.fixed_at,
    auto_dismissed_at: null,
  };
}
