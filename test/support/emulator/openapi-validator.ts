// Validates requests and responses against GitHub's OpenAPI description with Ajv. Validators are
// compiled on first use per operation (and status) and cached for the process.
//
// Request bodies are checked strictly: GitHub's description rarely says `additionalProperties:
// false`, but a field it does not list is a client bug (GitHub silently ignores it), so objects
// that list `properties` are closed here. Responses are checked as described (open objects).
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import {
  loadSpec,
  matchRoute,
  type JsonSchema,
  type LoadedSpec,
  type OperationSpec,
  type RouteMatch,
} from './openapi-spec';

const SPEC_ID = 'https://api.github.com/openapi.json';
const CACHE_KEY = Symbol.for('tend.emulator.openApiValidators');

// ajv-formats is CommonJS; its default export is the function (or wraps it under .default).
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as (ajv: Ajv) => Ajv;

interface ValidatorCache {
  spec: LoadedSpec;
  ajv: Ajv;
  coercing: Ajv;
  compiled: Map<string, ValidateFunction | null>;
}

function cache(): ValidatorCache {
  const holder = globalThis as { [CACHE_KEY]?: ValidatorCache };
  const existing = holder[CACHE_KEY];
  if (existing) return existing;
  const spec = loadSpec();
  const make = (coerceTypes: boolean) => {
    const ajv = new Ajv({
      strict: false,
      allErrors: true,
      validateSchema: false,
      logger: false,
      coerceTypes,
      inlineRefs: false,
    });
    addFormats(ajv);
    ajv.addSchema({ components: { schemas: spec.components.schemas } }, SPEC_ID);
    return ajv;
  };
  const created: ValidatorCache = {
    spec,
    ajv: make(false),
    coercing: make(true),
    compiled: new Map(),
  };
  holder[CACHE_KEY] = created;
  return created;
}

/** Deep copy pointing local `#/components/...` references at the registered spec document. */
function retarget(node: unknown, closeObjects: boolean): unknown {
  if (Array.isArray(node)) return node.map((item) => retarget(item, closeObjects));
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/'))
      out[key] = SPEC_ID + value;
    else if (key === 'allOf') out[key] = retarget(value, false);
    else if (key === 'properties' && value && typeof value === 'object') {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, retarget(sub, closeObjects)]),
      );
    } else out[key] = retarget(value, closeObjects);
  }
  if (closeObjects && out.properties && !('additionalProperties' in out))
    out.additionalProperties = false;
  return out;
}

function formatErrors(where: string, errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => {
    const at = error.instancePath || '(root)';
    const extra =
      error.keyword === 'additionalProperties'
        ? `: "${(error.params as { additionalProperty: string }).additionalProperty}"`
        : error.keyword === 'enum'
          ? `: ${JSON.stringify((error.params as { allowedValues: unknown[] }).allowedValues)}`
          : '';
    return `${where} ${at} ${error.message ?? error.keyword}${extra}`;
  });
}

function jsonSchemaOf(
  content: Record<string, { schema?: JsonSchema }> | undefined,
): JsonSchema | undefined {
  if (!content) return undefined;
  return (content['application/json'] ?? Object.values(content)[0])?.schema;
}

function compiled(
  key: string,
  build: () => { ajv: Ajv; schema: JsonSchema } | undefined,
): ValidateFunction | null {
  const state = cache();
  if (state.compiled.has(key)) return state.compiled.get(key) ?? null;
  const made = build();
  const fn = made ? made.ajv.compile(made.schema) : null;
  state.compiled.set(key, fn);
  return fn;
}

export function findOperation(method: string, pathname: string): RouteMatch | { route?: string } {
  return matchRoute(cache().spec, method, pathname);
}

/**
 * A parameter's schema. Parameters documented as taking GitHub's search syntax (`created=>=2024-05-01`)
 * are declared `format: date-time` but GitHub accepts ranges there, so the format is not enforced.
 */
function parameterSchema(parameter: OperationSpec['parameters'][number]): unknown {
  const schema = retarget(parameter.schema ?? {}, false) as JsonSchema;
  if (/search syntax/i.test(parameter.description ?? '')) delete schema.format;
  return schema;
}

/** Violations of the operation's declared path and query parameters. */
export function validateParameters(
  operation: OperationSpec,
  pathParams: Record<string, string>,
  query: Record<string, string>,
): string[] {
  const where = `${operation.method} ${operation.route}`;
  const errors: string[] = [];
  for (const location of ['path', 'query'] as const) {
    const values = location === 'path' ? pathParams : query;
    const fn = compiled(`${operation.operationId}:${location}`, () => {
      const declared = operation.parameters.filter((p) => p.in === location);
      return {
        ajv: cache().coercing,
        schema: {
          type: 'object',
          properties: Object.fromEntries(declared.map((p) => [p.name, parameterSchema(p)])),
          required: declared.filter((p) => p.required).map((p) => p.name),
          additionalProperties: false,
        },
      };
    });
    if (fn && !fn({ ...values })) {
      errors.push(...formatErrors(`${where} ${location} parameter`, fn.errors));
    }
  }
  return errors;
}

/** Violations of the operation's JSON request body schema (unknown fields included). */
export function validateRequestBody(operation: OperationSpec, body: unknown): string[] {
  const where = `${operation.method} ${operation.route} request body`;
  const schema = jsonSchemaOf(operation.requestBody?.content);
  if (body === undefined) {
    return operation.requestBody?.required ? [`${where} is required but was empty`] : [];
  }
  if (!schema) return [`${where}: the operation takes no body`];
  const fn = compiled(`${operation.operationId}:request`, () => ({
    ajv: cache().ajv,
    schema: retarget(schema, true) as JsonSchema,
  }));
  return fn && !fn(body) ? formatErrors(where, fn.errors) : [];
}

/** Violations of the response schema declared for `status` (undeclared 2xx statuses included). */
export function validateResponse(
  operation: OperationSpec,
  status: number,
  body: unknown,
): string[] {
  const where = `${operation.method} ${operation.route} response ${status}`;
  const declared =
    operation.responses[String(status)] ??
    operation.responses[`${String(status)[0]}XX`] ??
    operation.responses.default;
  if (!declared) {
    return status < 300 ? [`${where}: status not declared by the operation`] : [];
  }
  const schema = jsonSchemaOf(declared.content);
  if (!schema) {
    // GitHub's error answers carry a message even where the description declares no body
    return body === undefined || body === '' || status >= 400
      ? []
      : [`${where}: the spec declares no body for this status`];
  }
  const fn = compiled(`${operation.operationId}:response:${status}`, () => ({
    ajv: cache().ajv,
    schema: retarget(schema, false) as JsonSchema,
  }));
  return fn && !fn(body) ? formatErrors(where, fn.errors).slice(0, 10) : [];
}

export type { OperationSpec, RouteMatch };
