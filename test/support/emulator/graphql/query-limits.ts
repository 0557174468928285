// GitHub's static limits on a query, checked before it runs as GitHub does: every connection
// needs `first` or `last` between 1 and 100, a call may request at most 500,000 nodes, and the
// rate-limit cost is the number of connection requests divided by 100 (rounded, at least 1).
import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isObjectType,
  isInterfaceType,
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { GitHubGraphQLError } from './github-errors';
import { documentPathOf } from './query-paths';

export const MAX_PAGE_SIZE = 100;
export const MAX_NODES = 500_000;

export interface QueryLimits {
  errors: GitHubGraphQLError[];
  /** Nodes the query may return at most (GitHub's `rateLimit.nodeCount`). */
  nodeCount: number;
  /** Rate-limit points the query costs (GitHub's `rateLimit.cost`). */
  cost: number;
}

/** A field returns a connection when its type has `pageInfo` and it takes `first`/`last`. */
export function isConnectionType(type: GraphQLNamedType): boolean {
  return isObjectType(type) && type.name.endsWith('Connection') && 'pageInfo' in type.getFields();
}

interface Walk {
  schema: GraphQLSchema;
  document: DocumentNode;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  errors: GitHubGraphQLError[];
  nodes: number;
  requests: number;
}

function included(walk: Walk, node: { readonly directives?: readonly DirectiveNode[] }): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, walk.variables)?.if === true) return false;
  if (getDirectiveValues(GraphQLIncludeDirective, node, walk.variables)?.if === false) return false;
  return true;
}

function paginationError(walk: Walk, field: FieldNode, type: string, message: string): void {
  const path = documentPathOf(walk.document, field).filter(
    (segment) => !/^(query|mutation)\b|^\.\.\./.test(segment),
  );
  const loc = field.loc?.startToken;
  walk.errors.push({
    type,
    path,
    locations: loc ? [{ line: loc.line, column: loc.column }] : undefined,
    message,
  });
}

function pageSize(walk: Walk, field: FieldNode, args: Record<string, unknown>): number {
  const name = field.name.value;
  const first = typeof args.first === 'number' ? args.first : undefined;
  const last = typeof args.last === 'number' ? args.last : undefined;
  if (first === undefined && last === undefined) {
    paginationError(
      walk,
      field,
      'MISSING_PAGINATION_BOUNDARIES',
      `You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.`,
    );
    return MAX_PAGE_SIZE;
  }
  if (first !== undefined && last !== undefined) {
    paginationError(
      walk,
      field,
      'INVALID_PAGINATION',
      `Passing both \`first\` and \`last\` to paginate the \`${name}\` connection is not supported.`,
    );
  }
  for (const [argName, value] of [
    ['first', first],
    ['last', last],
  ] as const) {
    if (value === undefined) continue;
    if (value > MAX_PAGE_SIZE) {
      paginationError(
        walk,
        field,
        'EXCESSIVE_PAGINATION',
        `Requesting ${value} records on the \`${name}\` connection exceeds the \`${argName}\` limit of ${MAX_PAGE_SIZE} records.`,
      );
    } else if (value < 1) {
      paginationError(
        walk,
        field,
        'INVALID_PAGINATION',
        `\`${argName}\` on the \`${name}\` connection must be between 1 and ${MAX_PAGE_SIZE}, got ${value}.`,
      );
    }
  }
  return Math.min(Math.max(first ?? last ?? MAX_PAGE_SIZE, 0), MAX_PAGE_SIZE);
}

function walkSelections(
  walk: Walk,
  selectionSet: SelectionSetNode,
  parent: GraphQLNamedType,
  multiplier: number,
): void {
  for (const selection of selectionSet.selections) {
    if (!included(walk, selection)) continue;
    if (selection.kind === 'InlineFragment') {
      const type = selection.typeCondition
        ? walk.schema.getType(selection.typeCondition.name.value)
        : parent;
      if (type) walkSelections(walk, selection.selectionSet, type, multiplier);
      continue;
    }
    if (selection.kind === 'FragmentSpread') {
      const fragment = walk.fragments.get(selection.name.value);
      const type = fragment && walk.schema.getType(fragment.typeCondition.name.value);
      if (fragment && type) walkSelections(walk, fragment.selectionSet, type, multiplier);
      continue;
    }
    const fields = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields() : undefined;
    const fieldDef = fields?.[selection.name.value];
    if (!fieldDef) continue; // __typename, meta fields, union members without a fragment
    const type = getNamedType(fieldDef.type);
    let childMultiplier = multiplier;
    if (isConnectionType(type)) {
      const args = getArgumentValues(fieldDef, selection, walk.variables);
      const size = pageSize(walk, selection, args);
      walk.requests += multiplier;
      walk.nodes += multiplier * size;
      childMultiplier = multiplier * size;
    }
    if (selection.selectionSet) walkSelections(walk, selection.selectionSet, type, childMultiplier);
  }
}

/** Checks the operation against GitHub's pagination and node limits and computes its cost. */
export function checkQueryLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): QueryLimits {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === 'FragmentDefinition') fragments.set(definition.name.value, definition);
  }
  const root =
    operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  const walk: Walk = { schema, document, fragments, variables, errors: [], nodes: 0, requests: 0 };
  if (root) walkSelections(walk, operation.selectionSet, root, 1);
  if (walk.nodes > MAX_NODES) {
    walk.errors.push({
      type: 'MAX_NODE_LIMIT_EXCEEDED',
      message: `This query requests up to ${walk.nodes.toLocaleString('en-US')} possible nodes which exceeds the maximum limit of ${MAX_NODES.toLocaleString('en-US')}.`,
    });
  }
  const cost = Math.max(1, Math.round(walk.requests / 100));
  return { errors: walk.errors, nodeCount: walk.nodes, cost };
}
