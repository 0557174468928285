// Issues (the list includes pull requests, as GitHub's does), issue comments and labels.
import {
  bodyOf,
  HttpError,
  intParam,
  notFound,
  ok,
  validationFailed,
  type EmulatorRequest,
  type RouteTable,
} from '../http-types';
import { paginate } from '../pagination';
import { issue as serializeIssue, issueComment, label } from '../serializers/issues';
import type { IssueRecord, StateReason } from '../store';

type LabelInput = string | { name: string };

function labelNames(input: unknown): string[] {
  const list = Array.isArray(input) ? input : ((input as { labels?: unknown[] })?.labels ?? []);
  return (list as LabelInput[]).map((entry) => (typeof entry === 'string' ? entry : entry.name));
}

function findIssue(request: EmulatorRequest): IssueRecord {
  const record = request.ctx.store.issue(intParam(request, 'issue_number'));
  if (!record) throw notFound();
  return record;
}

function sortRecords(
  records: IssueRecord[],
  sort: string | undefined,
  direction: string | undefined,
): IssueRecord[] {
  const key = (r: IssueRecord): string | number =>
    sort === 'updated' ? r.updated_at : sort === 'comments' ? r.comments.length : r.created_at;
  const sign = direction === 'asc' ? 1 : -1;
  return [...records].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const cmp = typeof ka === 'number' ? ka - (kb as number) : ka.localeCompare(kb as string);
    return sign * (cmp || a.number - b.number);
  });
}

function listIssues(request: EmulatorRequest) {
  const q = request.query;
  const state = q.state ?? 'open';
  const wanted = q.labels
    ? q.labels
        .split(',')
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean)
    : [];
  const records = [...request.ctx.store.issues.values()].filter((r) => {
    if (state !== 'all' && r.state !== state) return false;
    if (wanted.some((name) => !r.labels.some((l) => l.toLowerCase() === name))) return false;
    if (q.creator && r.user.toLowerCase() !== q.creator.toLowerCase()) return false;
    if (q.assignee === 'none' && r.assignees.length > 0) return false;
    if (q.assignee === '*' && r.assignees.length === 0) return false;
    if (
      q.assignee &&
      !['none', '*'].includes(q.assignee) &&
      !r.assignees.some((a) => a.toLowerCase() === q.assignee?.toLowerCase())
    )
      return false;
    if (q.since && r.updated_at < new Date(q.since).toISOString().replace(/\.\d{3}Z$/, 'Z'))
      return false;
    return true;
  });
  const sorted = sortRecords(records, q.sort, q.direction);
  return paginate(request, sorted, (page) => page.map((r) => serializeIssue(request.ctx, r)));
}

interface IssueWrite {
  title?: string | number;
  body?: string | null;
  state?: 'open' | 'closed';
  state_reason?: StateReason;
  labels?: LabelInput[];
  assignee?: string | null;
  assignees?: string[];
}

function applyLabels(request: EmulatorRequest, record: IssueRecord, names: string[]): void {
  for (const name of names) request.ctx.store.addLabel(name);
  record.labels = [
    ...new Map(names.map((n) => [n.toLowerCase(), request.ctx.store.label(n)?.name ?? n])).values(),
  ];
}

function createIssue(request: EmulatorRequest) {
  const { store } = request.ctx;
  const body = bodyOf<IssueWrite>(request);
  if (body.title === undefined || String(body.title).trim() === '') {
    throw validationFailed('Validation Failed', [
      { resource: 'Issue', field: 'title', code: 'missing_field' },
    ]);
  }
  const record = store.addIssue({
    author: store.viewer,
    title: String(body.title),
    body: body.body ?? null,
    assignees: body.assignees ?? (body.assignee ? [body.assignee] : []),
  });
  applyLabels(request, record, labelNames(body.labels ?? []));
  const location = `${request.ctx.baseUrl}/repos/${store.repository.full_name}/issues/${record.number}`;
  return ok(serializeIssue(request.ctx, record), 201, { location });
}

function updateIssue(request: EmulatorRequest) {
  const { store } = request.ctx;
  const record = findIssue(request);
  const body = bodyOf<IssueWrite>(request);
  const now = store.now();
  if (body.title !== undefined) record.title = String(body.title);
  if (body.body !== undefined) record.body = body.body;
  if (body.labels !== undefined) applyLabels(request, record, labelNames(body.labels));
  if (body.assignees !== undefined)
    record.assignees = body.assignees.map((login) => store.user(login).login);
  if (body.state === 'closed' && record.state === 'open') {
    record.state = 'closed';
    record.closed_at = now;
    record.closed_by = store.viewer;
  } else if (body.state === 'open' && record.state === 'closed') {
    if (record.pull?.merged_at)
      throw validationFailed('Validation Failed', [
        {
          resource: 'PullRequest',
          code: 'custom',
          message: 'state cannot be changed. The pull request has been merged.',
        },
      ]);
    record.state = 'open';
    record.closed_at = null;
    record.closed_by = null;
    record.state_reason = record.pull ? null : 'reopened';
  }
  if (
    !record.pull &&
    record.state === 'closed' &&
    (body.state === 'closed' || body.state_reason !== undefined)
  ) {
    record.state_reason =
      body.state_reason ?? (body.state === 'closed' ? 'completed' : record.state_reason);
  }
  record.updated_at = now;
  return ok(serializeIssue(request.ctx, record));
}

function findComment(request: EmulatorRequest) {
  const id = intParam(request, 'comment_id');
  for (const record of request.ctx.store.issues.values()) {
    const comment = record.comments.find((c) => c.id === id);
    if (comment) return { record, comment };
  }
  throw notFound();
}

function listComments(request: EmulatorRequest) {
  const record = findIssue(request);
  const since = request.query.since ? new Date(request.query.since).getTime() : -Infinity;
  const comments = record.comments.filter((c) => new Date(c.updated_at).getTime() >= since);
  return paginate(request, comments, (page) =>
    page.map((c) => issueComment(request.ctx, record.number, c)),
  );
}

function createComment(request: EmulatorRequest) {
  const record = findIssue(request);
  const body = bodyOf<{ body: string }>(request);
  const comment = request.ctx.store.addIssueComment(record.number, {
    author: request.ctx.store.viewer,
    body: body.body,
  });
  record.updated_at = comment.created_at;
  return ok(issueComment(request.ctx, record.number, comment), 201);
}

function updateComment(request: EmulatorRequest) {
  const { record, comment } = findComment(request);
  comment.body = bodyOf<{ body: string }>(request).body;
  comment.updated_at = request.ctx.store.now();
  return ok(issueComment(request.ctx, record.number, comment));
}

function createLabel(request: EmulatorRequest) {
  const { store } = request.ctx;
  const body = bodyOf<{ name: string; color?: string; description?: string }>(request);
  if (store.label(body.name)) {
    throw validationFailed('Validation Failed', [
      { resource: 'Label', code: 'already_exists', field: 'name' },
    ]);
  }
  const color = (body.color ?? 'ededed').replace(/^#/, '');
  if (!/^[0-9a-fA-F]{6}$/.test(color))
    throw validationFailed('Validation Failed', [
      { resource: 'Label', code: 'invalid', field: 'color' },
    ]);
  store.addLabel(body.name, color.toLowerCase(), body.description ?? null);
  return ok(label(request.ctx, body.name), 201);
}

function addLabels(request: EmulatorRequest) {
  const record = findIssue(request);
  applyLabels(request, record, [...record.labels, ...labelNames(request.body)]);
  record.updated_at = request.ctx.store.now();
  return ok(record.labels.map((name) => label(request.ctx, name)));
}

export const issueRoutes: RouteTable = {
  'issues/list-for-repo': listIssues,
  'issues/create': createIssue,
  'issues/get': (r) => ok(serializeIssue(r.ctx, findIssue(r))),
  'issues/update': updateIssue,
  'issues/list-comments': listComments,
  'issues/create-comment': createComment,
  'issues/get-comment': (r) => {
    const { record, comment } = findComment(r);
    return ok(issueComment(r.ctx, record.number, comment));
  },
  'issues/update-comment': updateComment,
  'issues/list-labels-for-repo': (r) =>
    paginate(
      r,
      [...r.ctx.store.labels.values()].sort((a, b) => a.name.localeCompare(b.name)),
      (page) => page.map((l) => label(r.ctx, l.name)),
    ),
  'issues/create-label': createLabel,
  'issues/get-label': (r) => {
    if (!r.ctx.store.label(r.pathParams.name ?? '')) throw new HttpError(404, 'Not Found');
    return ok(label(r.ctx, r.pathParams.name ?? ''));
  },
  'issues/list-labels-on-issue': (r) =>
    paginate(r, findIssue(r).labels, (page) => page.map((name) => label(r.ctx, name))),
  'issues/add-labels': addLabels,
  'issues/set-labels': (r) => {
    const record = findIssue(r);
    applyLabels(r, record, labelNames(r.body));
    return ok(record.labels.map((name) => label(r.ctx, name)));
  },
};
