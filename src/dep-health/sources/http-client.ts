// A small JSON HTTP client for the registries and OSV: concurrency-limited, retrying on
// 429/5xx and network errors, counting requests, and naming the host when it is unreachable.

export class HostUnreachableError extends Error {
  constructor(
    readonly host: string,
    reason: string,
  ) {
    super(`${host} is unreachable: ${reason}`);
    this.name = 'HostUnreachableError';
  }
}

export class HttpStatusError extends Error {
  constructor(
    readonly url: string,
    readonly status: number,
  ) {
    super(`${new URL(url).host} answered HTTP ${status} for ${new URL(url).pathname}`);
    this.name = 'HttpStatusError';
  }
}

export interface HttpClientOptions {
  concurrency?: number;
  retries?: number;
  /** First retry wait in ms (doubles each attempt). */
  retryBaseMs?: number;
  timeoutMs?: number;
  userAgent?: string;
  fetch?: typeof fetch;
}

export interface HttpClient {
  /** GET JSON; undefined on 404. */
  getJson<T>(url: string, headers?: Record<string, string>): Promise<T | undefined>;
  /** GET text; undefined on 404/410. */
  getText(url: string, headers?: Record<string, string>): Promise<string | undefined>;
  postJson<T>(url: string, body: unknown): Promise<T>;
  /** Requests sent so far (retries included), by host. */
  readonly requests: Map<string, number>;
  totalRequests(): number;
}

/** Runs at most `limit` tasks at once. */
export function createLimiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const queue: (() => void)[] = [];
  const next = () => {
    if (active >= limit) return;
    const start = queue.shift();
    if (start) {
      active++;
      start();
    }
  };
  return <T>(task: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      queue.push(() => {
        task()
          .then(resolve, reject)
          .finally(() => {
            active--;
            next();
          });
      });
      next();
    });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const limit = createLimiter(options.concurrency ?? 8);
  const retries = options.retries ?? 3;
  const base = options.retryBaseMs ?? 500;
  const doFetch = options.fetch ?? fetch;
  const requests = new Map<string, number>();
  const unreachable = new Map<string, HostUnreachableError>();

  async function send(url: string, init: RequestInit): Promise<Response | undefined> {
    const host = new URL(url).host;
    const known = unreachable.get(host);
    if (known) throw known;
    let lastReason = '';
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) await sleep(base * 2 ** (attempt - 1));
      requests.set(host, (requests.get(host) ?? 0) + 1);
      let response: Response;
      try {
        response = await limit(() =>
          doFetch(url, {
            ...init,
            headers: {
              'user-agent': options.userAgent ?? 'tend-dep-health',
              ...(init.headers as Record<string, string>),
            },
            signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
          }),
        );
      } catch (error) {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        lastReason =
          cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
        continue;
      }
      if (response.status === 404 || response.status === 410) {
        await response.body?.cancel();
        return undefined;
      }
      if (response.status === 429 || response.status >= 500) {
        await response.body?.cancel();
        lastReason = `HTTP ${response.status}`;
        if (attempt === retries) throw new HttpStatusError(url, response.status);
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new HttpStatusError(url, response.status);
      }
      return response;
    }
    const error = new HostUnreachableError(host, lastReason);
    unreachable.set(host, error);
    throw error;
  }

  return {
    requests,
    totalRequests: () => [...requests.values()].reduce((a, b) => a + b, 0),
    async getJson<T>(url: string, headers: Record<string, string> = {}) {
      const response = await send(url, { headers: { accept: 'application/json', ...headers } });
      return response ? ((await response.json()) as T) : undefined;
    },
    async getText(url: string, headers: Record<string, string> = {}) {
      const response = await send(url, { headers });
      return response ? await response.text() : undefined;
    },
    async postJson<T>(url: string, body: unknown) {
      const response = await send(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response) throw new HttpStatusError(url, 404);
      return (await response.json()) as T;
    },
  };
}
