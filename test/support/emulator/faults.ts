// Fault injection: 5xx answers, slow answers, and primary / secondary rate limits with the
// headers and messages GitHub sends, chosen per request with a seeded random source.
import type { EmulatorResponse } from './http-types';

export type FaultKind = 'server-error' | 'timeout' | 'rate-limit' | 'secondary-rate-limit';

export interface FaultSpec {
  /** HTTP method to match (any when omitted). */
  method?: string;
  /** OpenAPI path template to match, e.g. /repos/{owner}/{repo}/git/refs/{ref} (any when omitted). */
  route?: string;
  kind: FaultKind;
  /** Chance that a matching request is hit, 0..1 (default 1). */
  probability?: number;
  /** How many times the fault fires before it is removed (default: unlimited). */
  times?: number;
  /** For `timeout`: how long the answer is held (default 30 s). */
  delayMs?: number;
  /** For `server-error`: 500, 502 or 503 (default 500). */
  status?: 500 | 502 | 503;
  /**
   * Apply the fault after the route handler ran, so the write happened but its answer is lost
   * (a 5xx after a create, as GitHub sometimes sends). Default false: the request is not handled.
   */
  afterHandler?: boolean;
}

interface ActiveFault extends FaultSpec {
  remaining: number;
}

export interface FaultOutcome {
  kind: FaultKind;
  /** The answer to send instead of the normal one (absent for `timeout`, which only delays). */
  response?: EmulatorResponse;
  delayMs?: number;
  /** The handler runs first and its answer is replaced (see FaultSpec.afterHandler). */
  afterHandler?: boolean;
}

const DOCS = 'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api';

/** mulberry32: small, seedable, good enough to make fault runs reproducible. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function rateLimitResponse(login: string, now = Date.now()): EmulatorResponse {
  return {
    status: 403,
    headers: {
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-used': '5000',
      'x-ratelimit-reset': String(Math.floor(now / 1000) + 1),
      'x-ratelimit-resource': 'core',
    },
    body: {
      message: `API rate limit exceeded for user ID ${login}. If you reach out to GitHub Support for help, please include the request ID.`,
      documentation_url: DOCS,
      status: '403',
    },
  };
}

export function secondaryRateLimitResponse(): EmulatorResponse {
  return {
    status: 403,
    headers: { 'retry-after': '1' },
    body: {
      message:
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.',
      documentation_url:
        'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
      status: '403',
    },
  };
}

function serverErrorResponse(status: 500 | 502 | 503): EmulatorResponse {
  const message =
    status === 503 ? 'Service Unavailable' : status === 502 ? 'Server Error' : 'Server Error';
  return {
    status,
    body: { message, documentation_url: 'https://docs.github.com/rest', status: String(status) },
  };
}

export class FaultInjector {
  private faults: ActiveFault[] = [];
  private readonly random: () => number;

  constructor(
    seed = 1,
    private readonly login = '1',
  ) {
    this.random = seededRandom(seed);
  }

  add(spec: FaultSpec): void {
    this.faults.push({ ...spec, remaining: spec.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.faults = [];
  }

  get active(): readonly FaultSpec[] {
    return this.faults;
  }

  /** The fault that hits this request, if any (consumes one of its `times`). */
  pick(method: string, route: string): FaultOutcome | undefined {
    for (const fault of this.faults) {
      if (fault.method && fault.method.toUpperCase() !== method.toUpperCase()) continue;
      if (fault.route && fault.route !== route) continue;
      if (fault.remaining <= 0) continue;
      if (this.random() >= (fault.probability ?? 1)) continue;
      fault.remaining -= 1;
      if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
      const after = fault.afterHandler ? { afterHandler: true } : {};
      switch (fault.kind) {
        case 'server-error':
          return { kind: fault.kind, response: serverErrorResponse(fault.status ?? 500), ...after };
        case 'rate-limit':
          return { kind: fault.kind, response: rateLimitResponse(this.login), ...after };
        case 'secondary-rate-limit':
          return { kind: fault.kind, response: secondaryRateLimitResponse(), ...after };
        case 'timeout':
          return { kind: fault.kind, delayMs: fault.delayMs ?? 30_000, ...after };
      }
    }
    return undefined;
  }
}
