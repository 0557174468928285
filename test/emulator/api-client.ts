// A tiny fetch wrapper for emulator tests that need exact status codes and headers (and no
// client-side retries or write throttling).
import type { Emulator } from '../support/emulator';

export interface RawResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export function rawClient(gh: Emulator) {
  return async function call<T = Record<string, unknown>>(
    method: string,
    route: string,
    body?: unknown,
  ): Promise<RawResponse<T>> {
    const res = await fetch(`${gh.url}${route}`, {
      method,
      headers: {
        authorization: `token ${gh.token}`,
        'content-type': 'application/json',
        accept: 'application/vnd.github+json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return {
      status: res.status,
      body: (text ? JSON.parse(text) : undefined) as T,
      headers: res.headers,
    };
  };
}
