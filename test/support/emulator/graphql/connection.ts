// Generic GraphQL connections over arrays: GitHub's common filter arguments applied where the
// items carry the field, then Relay cursor pagination (first/after, last/before) with opaque
// base64 cursors, giving nodes, edges, pageInfo and totalCount.
import { GitHubTypedError } from './github-errors';

type Item = Record<string, unknown>;

export interface Connection {
  nodes: unknown[];
  edges: { node: unknown; cursor: string }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number;
  filteredCount: number;
  pageCount: number;
  /** Latest updatedAt/createdAt of the items (computed only when selected). */
  updatedAt: () => string;
}

const CURSOR_PREFIX = 'cursor:v2:';

export function encodeCursor(index: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${index}`).toString('base64');
}

/** The index a cursor points at; GitHub's INVALID_CURSOR_ARGUMENTS error for anything else. */
export function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  const index = text.startsWith(CURSOR_PREFIX) ? Number(text.slice(CURSOR_PREFIX.length)) : NaN;
  if (!Number.isInteger(index) || index < 0) {
    throw new GitHubTypedError(
      'INVALID_CURSOR_ARGUMENTS',
      `\`${cursor}\` does not appear to be a valid cursor.`,
    );
  }
  return index;
}

/** SCREAMING_SNAKE enum value -> camelCase property (CREATED_AT -> createdAt). */
function camelCase(value: string): string {
  return value.toLowerCase().replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/** SCREAMING_SNAKE enum value -> PascalCase type name (READY_FOR_REVIEW_EVENT -> ReadyForReviewEvent). */
export function typeNameOfItemType(value: string): string {
  const camel = camelCase(value);
  return camel.charAt(0).toUpperCase() + camel.slice(1);
}

function has(item: Item, key: string): boolean {
  return item[key] !== undefined;
}

function labelNames(item: Item): string[] {
  const labels = item.labels;
  if (!Array.isArray(labels)) return [];
  return labels.map((label) => (typeof label === 'string' ? label : String((label as Item).name)));
}

function loginOf(actor: unknown): string | undefined {
  return actor && typeof actor === 'object'
    ? ((actor as Item).login as string | undefined)
    : undefined;
}

function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return -1;
  if (b === undefined || b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

interface FilterArgs {
  states?: string[] | null;
  labels?: string[] | null;
  itemTypes?: string[] | null;
  since?: string | null;
  author?: string | null;
  baseRefName?: string | null;
  headRefName?: string | null;
  filterBy?: { since?: string; states?: string[]; labels?: string[]; createdBy?: string } | null;
  orderBy?: { field?: string; direction?: string } | null;
  skip?: number | null;
}

/** Applies the filter and order arguments GitHub connections share, where the items carry the field. */
export function filterItems(items: readonly unknown[], args: FilterArgs): unknown[] {
  let result = items as Item[];
  const keep = (predicate: (item: Item) => boolean) => {
    result = result.filter(predicate);
  };
  const states = args.states ?? args.filterBy?.states;
  if (states?.length) keep((item) => !has(item, 'state') || states.includes(String(item.state)));
  const labels = args.labels ?? args.filterBy?.labels;
  if (labels?.length)
    keep((item) => !has(item, 'labels') || labelNames(item).some((name) => labels.includes(name)));
  if (args.itemTypes?.length) {
    const types = args.itemTypes.map(typeNameOfItemType);
    keep((item) => types.includes(String(item.__typename)));
  }
  if (args.since) {
    const since = args.since;
    keep((item) => !has(item, 'createdAt') || String(item.createdAt) >= since);
  }
  if (args.filterBy?.since) {
    const since = args.filterBy.since;
    keep((item) => !has(item, 'updatedAt') || String(item.updatedAt) >= since);
  }
  const createdBy = args.filterBy?.createdBy;
  if (createdBy) keep((item) => !has(item, 'author') || loginOf(item.author) === createdBy);
  if (args.author) keep((item) => !has(item, 'author') || loginOf(item.author) === args.author);
  for (const key of ['baseRefName', 'headRefName'] as const) {
    const wanted = args[key];
    if (wanted) keep((item) => !has(item, key) || item[key] === wanted);
  }
  const order = args.orderBy;
  if (order?.field) {
    const key = camelCase(order.field);
    const sign = order.direction === 'DESC' ? -1 : 1;
    if (result.some((item) => has(item, key))) {
      result = [...result].sort((a, b) => sign * compareValues(a[key], b[key]));
    }
  }
  if (args.skip) result = result.slice(args.skip);
  return result;
}

function latestTime(items: readonly unknown[]): string {
  let latest = new Date(0).toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (const item of items) {
    const time = String((item as Item).updatedAt ?? (item as Item).createdAt ?? '');
    if (time > latest) latest = time;
  }
  return latest;
}

export interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

/** Relay pagination over an already filtered list (limits on first/last are checked before execution). */
export function paginate(
  items: readonly unknown[],
  args: PageArgs,
  totalCount = items.length,
): Connection {
  let start = args.after ? decodeCursor(args.after) + 1 : 0;
  let end = args.before ? decodeCursor(args.before) : items.length;
  start = Math.min(start, items.length);
  end = Math.max(start, Math.min(end, items.length));
  if (args.first !== undefined && args.first !== null)
    end = Math.min(end, start + Math.max(args.first, 0));
  if (args.last !== undefined && args.last !== null)
    start = Math.max(start, end - Math.max(args.last, 0));
  const nodes = items.slice(start, end);
  const edges = nodes.map((node, offset) => ({ node, cursor: encodeCursor(start + offset) }));
  const pageSize = args.first ?? args.last ?? items.length;
  return {
    nodes,
    edges,
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount,
    filteredCount: items.length,
    pageCount: pageSize > 0 ? Math.ceil(items.length / pageSize) : 0,
    updatedAt: () => latestTime(items),
  };
}

/** Filters then paginates; totalCount counts the filtered items, as GitHub's connections do. */
export function toConnection(items: readonly unknown[], args: FilterArgs & PageArgs): Connection {
  const filtered = filterItems(items, args);
  return paginate(filtered, args, filtered.length);
}
