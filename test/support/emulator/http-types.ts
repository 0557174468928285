// The shapes route handlers see and return, and the errors they throw to answer like GitHub.
import type { OperationSpec } from './openapi-spec';
import type { SerializeContext } from './serializers/users-repos';

export interface EmulatorRequest {
  method: string;
  operation: OperationSpec;
  pathParams: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  /** The request URL as received (path and query). */
  url: string;
  ctx: SerializeContext;
}

export interface EmulatorResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type RouteHandler = (
  request: EmulatorRequest,
) => EmulatorResponse | Promise<EmulatorResponse>;

/** Handlers keyed by the OpenAPI operationId they implement. */
export type RouteTable = Record<string, RouteHandler>;

const DOCS = 'https://docs.github.com/rest';

/** Thrown by a handler to answer with a GitHub error body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }

  toResponse(): EmulatorResponse {
    return {
      status: this.status,
      body: {
        message: this.message,
        documentation_url: DOCS,
        status: String(this.status),
        ...this.extra,
      },
    };
  }
}

export function notFound(): HttpError {
  return new HttpError(404, 'Not Found');
}

/** 422 as GitHub words it: a message and optional `errors` entries. */
export function validationFailed(
  message: string,
  errors?: Array<Record<string, unknown>>,
): HttpError {
  return new HttpError(422, message, errors ? { errors } : {});
}

export function ok(
  body: unknown,
  status = 200,
  headers?: Record<string, string>,
): EmulatorResponse {
  return { status, body, ...(headers ? { headers } : {}) };
}

/** A required-looking integer path parameter. */
export function intParam(request: EmulatorRequest, name: string): number {
  const value = Number(request.pathParams[name] ?? request.query[name]);
  if (!Number.isInteger(value)) throw notFound();
  return value;
}

export function bodyOf<T>(request: EmulatorRequest): T {
  return (request.body ?? {}) as T;
}
