// The emulator's HTTP server: authenticates, matches the request to GitHub's OpenAPI
// description, validates it, applies injected faults, runs the route handler, validates the
// answer, and logs every exchange.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FaultInjector } from './faults';
import { handleGraphQL } from './graphql/index';
import {
  HttpError,
  type EmulatorRequest,
  type EmulatorResponse,
  type RouteTable,
} from './http-types';
import {
  findOperation,
  validateParameters,
  validateRequestBody,
  validateResponse,
  type RouteMatch,
} from './openapi-validator';
import { gitRoutes } from './routes/git';
import { issueRoutes } from './routes/issues';
import { pullRoutes } from './routes/pulls';
import { repoRoutes } from './routes/repos';
import type { EmulatorStore } from './store';

export interface RequestLogEntry {
  method: string;
  /** The OpenAPI path template (the raw path when the route is unknown; `/graphql` for GraphQL). */
  route: string;
  url: string;
  status: number;
  /** '' when the route is unknown. */
  operationId: string;
  /** Set when an injected fault answered (or delayed) the request. */
  fault?: string;
}

export interface ServerState {
  store: EmulatorStore;
  token: string;
  faults: FaultInjector;
  requests: RequestLogEntry[];
  violations: string[];
}

const ROUTES: RouteTable = { ...gitRoutes, ...repoRoutes, ...issueRoutes, ...pullRoutes };
let requestCounter = 0;

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, response: EmulatorResponse, remaining: number): void {
  if (res.destroyed) return;
  const headers: Record<string, string> = {
    'x-github-media-type': 'github.v3; format=json',
    'x-github-api-version-selected': '2022-11-28',
    'x-github-request-id': `EMU:${(++requestCounter).toString(16).toUpperCase()}`,
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': String(Math.max(0, remaining)),
    'x-ratelimit-used': String(5000 - Math.max(0, remaining)),
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
    'x-ratelimit-resource': 'core',
    ...(response.headers ?? {}),
  };
  if (response.body === undefined || response.status === 204) {
    res.writeHead(response.status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(response.body);
  res.writeHead(response.status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function errorBody(status: number, message: string): EmulatorResponse {
  return new HttpError(status, message).toResponse();
}

export class EmulatorServer {
  private readonly server: http.Server;
  private readonly timers = new Set<NodeJS.Timeout>();
  private remaining = 5000;
  baseUrl = '';

  constructor(private readonly state: ServerState) {
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        state.violations.push(
          `emulator crashed on ${req.method} ${req.url}: ${(error as Error).stack ?? String(error)}`,
        );
        send(res, errorBody(500, 'Server Error'), this.remaining);
      });
    });
    this.server.keepAliveTimeout = 1000;
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    // a test that forgets close() must not keep the process alive
    this.server.unref();
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
    return this.baseUrl;
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const { state } = this;
    const method = (req.method ?? 'GET').toUpperCase();
    const rawUrl = req.url ?? '/';
    const url = new URL(rawUrl, this.baseUrl);
    const pathname = url.pathname;
    const entry: RequestLogEntry = {
      method,
      route: pathname,
      url: rawUrl,
      status: 0,
      operationId: '',
    };
    state.requests.push(entry);
    const reply = (response: EmulatorResponse) => {
      entry.status = response.status;
      this.remaining -= 1;
      send(res, response, this.remaining);
    };
    const text = await readBody(req);

    const auth = /^(?:token|bearer)\s+(.+)$/i.exec(req.headers.authorization ?? '');
    if (!auth || auth[1]?.trim() !== state.token) {
      reply({
        status: 401,
        body: {
          message: 'Bad credentials',
          documentation_url: 'https://docs.github.com/rest',
          status: '401',
        },
      });
      return;
    }

    if (method === 'POST' && pathname === '/graphql') {
      entry.route = '/graphql';
      entry.operationId = 'graphql';
      const fault = state.faults.pick(method, '/graphql');
      if (fault) entry.fault = fault.kind;
      if (fault?.delayMs) await this.delay(fault.delayMs);
      if (fault?.response) return reply(fault.response);
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // handed over as text: the GraphQL handler answers GitHub's parse error
      }
      const result = await handleGraphQL(state.store, body, {
        viewer: state.store.viewer,
        violations: state.violations,
      });
      return reply({ status: result.status, body: result.body, headers: result.headers });
    }

    const match = findOperation(method, pathname);
    if (!('operation' in match)) {
      state.violations.push(
        match.route
          ? `${method} ${pathname}: method not allowed on ${match.route} by GitHub's OpenAPI description`
          : `${method} ${pathname}: no such route in GitHub's OpenAPI description`,
      );
      return reply(errorBody(404, 'Not Found'));
    }
    const { operation, pathParams } = match as RouteMatch;
    entry.route = operation.route;
    entry.operationId = operation.operationId;

    const query: Record<string, string> = {};
    for (const [key, value] of url.searchParams) query[key] = value;
    let body: unknown;
    let requestViolations = validateParameters(operation, pathParams, query);
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        requestViolations.push(`${method} ${operation.route}: request body is not JSON`);
      }
    }
    if (requestViolations.length === 0) requestViolations = validateRequestBody(operation, body);
    state.violations.push(...requestViolations);

    const fault = state.faults.pick(method, operation.route);
    if (fault) entry.fault = fault.kind;
    if (fault?.delayMs && !fault.afterHandler) await this.delay(fault.delayMs);
    if (fault?.response && !fault.afterHandler) return reply(fault.response);

    if (requestViolations.length > 0) {
      return reply(
        new HttpError(422, `Invalid request.\n\n${requestViolations.join('\n')}`).toResponse(),
      );
    }
    const repo = state.store.repository;
    const otherRepository =
      (pathParams.owner !== undefined &&
        pathParams.owner.toLowerCase() !== repo.owner.toLowerCase()) ||
      (pathParams.repo !== undefined && pathParams.repo.toLowerCase() !== repo.name.toLowerCase());
    // Another repository is readable only where it was seeded as public, and only its tags.
    if (
      otherRepository &&
      !(
        operation.operationId === 'git/list-matching-refs' &&
        state.store.publicRepositoryRefs.has(`${pathParams.owner}/${pathParams.repo}`.toLowerCase())
      )
    ) {
      return reply(errorBody(404, 'Not Found'));
    }
    const handler = ROUTES[operation.operationId];
    if (!handler) {
      state.violations.push(
        `${method} ${operation.route} (${operation.operationId}) is not implemented by the emulator`,
      );
      return reply(errorBody(501, `The emulator does not implement ${operation.operationId}`));
    }
    const request: EmulatorRequest = {
      method,
      operation,
      pathParams,
      query,
      body,
      url: rawUrl,
      ctx: { store: state.store, baseUrl: this.baseUrl },
    };
    let response: EmulatorResponse;
    try {
      response = await handler(request);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      response = error.toResponse();
    }
    state.violations.push(...validateResponse(operation, response.status, response.body));
    if (fault?.afterHandler) {
      // The write happened; its answer is delayed or lost.
      if (fault.delayMs) await this.delay(fault.delayMs);
      if (fault.response) return reply(fault.response);
    }
    return reply(response);
  }
}
