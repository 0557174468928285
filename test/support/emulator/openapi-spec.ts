// GitHub's official REST description (@octokit/openapi, OpenAPI 3.0.3), loaded once per process,
// with its route table. OpenAPI 3.0's `nullable: true` without `type` (which Ajv rejects) is
// rewritten to an `anyOf` with `{ type: 'null' }`, and a nullable `enum` gains `null`: the same meaning.
import { readFileSync } from 'node:fs';
import { packageFile } from './package-file';

export type JsonSchema = Record<string, unknown>;

export interface ParameterSpec {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
}

export interface OperationSpec {
  method: string;
  /** The OpenAPI path template, e.g. /repos/{owner}/{repo}/git/refs/{ref}. */
  route: string;
  operationId: string;
  parameters: ParameterSpec[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  responses: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
}

export interface RouteMatch {
  operation: OperationSpec;
  pathParams: Record<string, string>;
}

interface RawSpec {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: Record<string, Record<string, unknown>>;
}

interface CompiledRoute {
  operations: Map<string, OperationSpec>;
  route: string;
  regex: RegExp;
  names: string[];
  literals: number;
  segments: number;
}

export interface LoadedSpec {
  components: RawSpec['components'];
  routes: CompiledRoute[];
}

/** Path parameters whose values may contain slashes (refs, file paths, branch names). */
const SLASHY_PARAMS = new Set(['ref', 'path', 'basehead', 'branch']);
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const CACHE_KEY = Symbol.for('tend.emulator.githubOpenApi');

function specPath(): string {
  return packageFile('@octokit/openapi', 'generated', 'api.github.com.json');
}

/** Rewrites `nullable` without `type` in place, everywhere below `node`. */
function normaliseNullable(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) normaliseNullable(item);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const object = node as Record<string, unknown>;
  for (const value of Object.values(object)) normaliseNullable(value);
  // Ajv does not let `nullable` widen an `enum`; OpenAPI 3.0 means it to
  if (object.nullable === true && Array.isArray(object.enum) && !object.enum.includes(null))
    object.enum.push(null);
  if (object.nullable === true && !('type' in object)) {
    delete object.nullable;
    const rest = { ...object };
    for (const key of Object.keys(object)) delete object[key];
    object.anyOf = [{ type: 'null' }, rest];
  }
}

/** Resolves a local `#/components/...` reference of the spec (non-schema objects: parameters, responses). */
export function resolveRef<T>(spec: LoadedSpec, value: T | { $ref: string }): T {
  let current: unknown = value;
  for (let depth = 0; depth < 10; depth++) {
    const ref = (current as { $ref?: unknown })?.$ref;
    if (typeof ref !== 'string') return current as T;
    const parts = ref.replace(/^#\/components\//, '').split('/');
    current = parts.reduce<unknown>(
      (acc, part) => (acc as Record<string, unknown>)?.[part],
      spec.components,
    );
  }
  throw new Error('reference cycle in the OpenAPI description');
}

function compileRoute(
  route: string,
  methods: Record<string, Record<string, unknown>>,
  spec: LoadedSpec,
): CompiledRoute {
  const names: string[] = [];
  const parts = route.split('/').filter(Boolean);
  let literals = 0;
  const pattern = parts
    .map((part, index) => {
      const param = /^\{(.+)\}$/.exec(part);
      if (!param) {
        literals += 1;
        return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      }
      names.push(param[1] as string);
      return index === parts.length - 1 && SLASHY_PARAMS.has(param[1] as string)
        ? '(.+)'
        : '([^/]+)';
    })
    .join('/');
  const operations = new Map<string, OperationSpec>();
  const shared = (methods.parameters as unknown as unknown[]) ?? [];
  for (const method of HTTP_METHODS) {
    const raw = methods[method];
    if (!raw) continue;
    const parameters = [...shared, ...((raw.parameters as unknown[]) ?? [])].map((p) =>
      resolveRef<ParameterSpec>(spec, p as ParameterSpec),
    );
    const responses: OperationSpec['responses'] = {};
    for (const [status, response] of Object.entries(
      (raw.responses as Record<string, unknown>) ?? {},
    )) {
      responses[status] = resolveRef(spec, response as OperationSpec['responses'][string]);
    }
    operations.set(method.toUpperCase(), {
      method: method.toUpperCase(),
      route,
      operationId: String(raw.operationId),
      parameters,
      requestBody: raw.requestBody
        ? resolveRef(spec, raw.requestBody as OperationSpec['requestBody'])
        : undefined,
      responses,
    });
  }
  return {
    operations,
    route,
    regex: new RegExp(`^/${pattern}/?$`),
    names,
    literals,
    segments: parts.length,
  };
}

/** The parsed description and its route table; parsed on first use, then shared by the process. */
export function loadSpec(): LoadedSpec {
  const cache = globalThis as { [CACHE_KEY]?: LoadedSpec };
  const cached = cache[CACHE_KEY];
  if (cached) return cached;
  const raw = JSON.parse(readFileSync(specPath(), 'utf8')) as RawSpec;
  normaliseNullable(raw.components.schemas);
  normaliseNullable(raw.paths);
  const spec: LoadedSpec = { components: raw.components, routes: [] };
  for (const [route, methods] of Object.entries(raw.paths))
    spec.routes.push(compileRoute(route, methods, spec));
  // the most specific template wins: more literal segments, then fewer segments overall
  spec.routes.sort((a, b) => b.literals - a.literals || a.segments - b.segments);
  cache[CACHE_KEY] = spec;
  return spec;
}

/** The operation for a request, or `undefined` (with `methodNotAllowed`) when none matches. */
export function matchRoute(
  spec: LoadedSpec,
  method: string,
  pathname: string,
): RouteMatch | { route?: string } {
  let pathOnly: string | undefined;
  for (const route of spec.routes) {
    const match = route.regex.exec(pathname);
    if (!match) continue;
    const operation = route.operations.get(method.toUpperCase());
    if (!operation) {
      pathOnly ??= route.route;
      continue;
    }
    const pathParams: Record<string, string> = {};
    route.names.forEach((name, index) => {
      pathParams[name] = decodeURIComponent(match[index + 1] as string);
    });
    return { operation, pathParams };
  }
  return { route: pathOnly };
}
