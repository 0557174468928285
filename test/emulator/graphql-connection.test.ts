// The generic connection helpers behind every *Connection field: Relay cursor pagination and
// the filter arguments GitHub's connections share.
import {
  decodeCursor,
  encodeCursor,
  filterItems,
  paginate,
  toConnection,
  typeNameOfItemType,
} from '../support/emulator/graphql/connection';

const items = Array.from({ length: 10 }, (_, i) => ({ n: i + 1 }));
const numbers = (nodes: unknown[]) => nodes.map((node) => (node as { n: number }).n);

test('cursors are opaque base64 and round-trip to the same position', () => {
  const cursor = encodeCursor(7);
  expect(cursor).toMatch(/^[A-Za-z0-9+/]+=*$/);
  expect(cursor).not.toContain('7');
  expect(decodeCursor(cursor)).toBe(7);
});

test('a cursor that was not handed out is refused with INVALID_CURSOR_ARGUMENTS', () => {
  expect(() => decodeCursor('bm9wZQ==')).toThrow(
    expect.objectContaining({ githubType: 'INVALID_CURSOR_ARGUMENTS' }),
  );
});

test('first/after walks forward and pageInfo tells where the page sits', () => {
  const page1 = paginate(items, { first: 4 });
  expect(numbers(page1.nodes)).toEqual([1, 2, 3, 4]);
  expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  const page3 = paginate(items, { first: 4, after: encodeCursor(7) });
  expect(numbers(page3.nodes)).toEqual([9, 10]);
  expect(page3.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  expect(page3.pageInfo.endCursor).toBe(page3.edges[1]?.cursor);
  expect(page3.totalCount).toBe(10);
});

test('last/before walks backward, and first with before stays inside the bound', () => {
  expect(numbers(paginate(items, { last: 3 }).nodes)).toEqual([8, 9, 10]);
  expect(numbers(paginate(items, { last: 3, before: encodeCursor(2) }).nodes)).toEqual([1, 2]);
  expect(numbers(paginate(items, { first: 3, before: encodeCursor(5) }).nodes)).toEqual([1, 2, 3]);
  expect(
    numbers(paginate(items, { first: 3, after: encodeCursor(1), before: encodeCursor(4) }).nodes),
  ).toEqual([3, 4]);
});

test('an empty list gives no nodes, null cursors and no further pages', () => {
  expect(paginate([], { first: 50 })).toMatchObject({
    nodes: [],
    edges: [],
    totalCount: 0,
    pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
  });
});

test('states, labels, author and baseRefName filter where the items carry the field', () => {
  const prs = [
    { state: 'OPEN', labels: [{ name: 'bug' }], author: { login: 'a' }, baseRefName: 'main' },
    { state: 'MERGED', labels: [{ name: 'docs' }], author: { login: 'b' }, baseRefName: 'main' },
    { state: 'CLOSED', labels: [], author: { login: 'a' }, baseRefName: 'release' },
  ];
  expect(filterItems(prs, { states: ['OPEN', 'MERGED'] })).toEqual([prs[0], prs[1]]);
  expect(filterItems(prs, { labels: ['docs', 'bug'] })).toEqual([prs[0], prs[1]]);
  expect(filterItems(prs, { author: 'a' })).toEqual([prs[0], prs[2]]);
  expect(filterItems(prs, { baseRefName: 'release' })).toEqual([prs[2]]);
  expect(filterItems(prs, { filterBy: { createdBy: 'b' } })).toEqual([prs[1]]);
  // Items without the field are not filtered out by it (the filter does not apply to them).
  expect(filterItems([{ n: 1 }], { states: ['OPEN'] })).toEqual([{ n: 1 }]);
});

test('orderBy sorts on the camel-cased field in either direction, stably', () => {
  const rows = [
    { id: 1, createdAt: '2024-01-02T00:00:00Z', updatedAt: '2024-03-01T00:00:00Z' },
    { id: 2, createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-03-01T00:00:00Z' },
    { id: 3, createdAt: '2024-01-03T00:00:00Z', updatedAt: '2024-02-01T00:00:00Z' },
  ];
  const ids = (list: unknown[]) => list.map((r) => (r as { id: number }).id);
  expect(ids(filterItems(rows, { orderBy: { field: 'CREATED_AT', direction: 'ASC' } }))).toEqual([
    2, 1, 3,
  ]);
  expect(ids(filterItems(rows, { orderBy: { field: 'CREATED_AT', direction: 'DESC' } }))).toEqual([
    3, 1, 2,
  ]);
  expect(ids(filterItems(rows, { orderBy: { field: 'UPDATED_AT', direction: 'ASC' } }))).toEqual([
    3, 1, 2,
  ]);
});

test('itemTypes keep timeline items whose __typename matches the enum value', () => {
  expect(typeNameOfItemType('READY_FOR_REVIEW_EVENT')).toBe('ReadyForReviewEvent');
  const timeline = [
    { __typename: 'IssueComment', createdAt: '2024-01-01T00:00:00Z' },
    { __typename: 'ReadyForReviewEvent', createdAt: '2024-01-02T00:00:00Z' },
    { __typename: 'ReviewRequestedEvent', createdAt: '2024-01-03T00:00:00Z' },
  ];
  const connection = toConnection(timeline, {
    first: 10,
    itemTypes: ['READY_FOR_REVIEW_EVENT', 'REVIEW_REQUESTED_EVENT'],
    since: '2024-01-03T00:00:00Z',
  });
  expect(connection.nodes).toEqual([timeline[2]]);
  expect(connection.totalCount).toBe(1);
});
