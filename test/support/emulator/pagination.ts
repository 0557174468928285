// Page slicing and `Link` headers as GitHub sends them: prev, next, last, first, each keeping
// the request's other query parameters; per_page defaults to 30 and is capped at 100.
import type { EmulatorRequest, EmulatorResponse } from './http-types';

export const DEFAULT_PER_PAGE = 30;
export const MAX_PER_PAGE = 100;

export function pageParams(query: Record<string, string>): { perPage: number; page: number } {
  const requested = Number(query.per_page ?? DEFAULT_PER_PAGE);
  const perPage = Math.min(
    MAX_PER_PAGE,
    Math.max(
      1,
      Number.isFinite(requested) && requested > 0 ? Math.floor(requested) : DEFAULT_PER_PAGE,
    ),
  );
  const page = Math.max(1, Math.floor(Number(query.page ?? 1)) || 1);
  return { perPage, page };
}

export function linkHeader(
  baseUrl: string,
  requestUrl: string,
  page: number,
  lastPage: number,
): string | undefined {
  const rels: Array<[string, number]> = [];
  if (page > 1) rels.push(['prev', Math.min(page - 1, lastPage)]);
  if (page < lastPage) rels.push(['next', page + 1], ['last', lastPage]);
  if (page > 1) rels.push(['first', 1]);
  if (rels.length === 0) return undefined;
  return rels
    .map(([rel, target]) => {
      const url = new URL(requestUrl, baseUrl);
      url.searchParams.set('page', String(target));
      return `<${url.toString()}>; rel="${rel}"`;
    })
    .join(', ');
}

/** One page of `items` with its Link header; `wrap` shapes the body (e.g. `{ total_count, workflow_runs }`). */
export function paginate<T>(
  request: EmulatorRequest,
  items: T[],
  wrap: (page: T[]) => unknown = (page) => page,
): EmulatorResponse {
  const { perPage, page } = pageParams(request.query);
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const link = linkHeader(request.ctx.baseUrl, request.url, page, lastPage);
  return { status: 200, body: wrap(slice), ...(link ? { headers: { link } } : {}) };
}

/**
 * Cursor pagination (`after` / `before`, as the Dependabot alerts API does): the Link header's
 * `next` carries an opaque `after` cursor naming the last item of this page.
 */
export function paginateByCursor<T>(
  request: EmulatorRequest,
  items: T[],
  keyOf: (item: T) => string,
  wrap: (page: T[]) => unknown = (page) => page,
): EmulatorResponse {
  const { perPage } = pageParams(request.query);
  const decode = (cursor: string) => Buffer.from(cursor, 'base64url').toString('utf8');
  const encode = (key: string) => Buffer.from(key, 'utf8').toString('base64url');
  let start = 0;
  let end = items.length;
  if (request.query.after) {
    const index = items.findIndex((item) => keyOf(item) === decode(request.query.after as string));
    start = index + 1;
  }
  if (request.query.before) {
    const index = items.findIndex((item) => keyOf(item) === decode(request.query.before as string));
    end = index < 0 ? items.length : index;
    start = Math.max(start, end - perPage);
  }
  const slice = items.slice(start, Math.min(end, start + perPage));
  const rels: string[] = [];
  const link = (rel: string, param: 'after' | 'before', key: string) => {
    const url = new URL(request.url, request.ctx.baseUrl);
    url.searchParams.delete('after');
    url.searchParams.delete('before');
    url.searchParams.set(param, encode(key));
    rels.push(`<${url.toString()}>; rel="${rel}"`);
  };
  if (start > 0 && slice[0] !== undefined) link('prev', 'before', keyOf(slice[0]));
  const last = slice[slice.length - 1];
  if (start + slice.length < end && last !== undefined) link('next', 'after', keyOf(last));
  return {
    status: 200,
    body: wrap(slice),
    ...(rels.length > 0 ? { headers: { link: rels.join(', ') } } : {}),
  };
}
