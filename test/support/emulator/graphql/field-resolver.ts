// One default resolver for the whole schema. Sources are plain objects shaped like GitHub's
// types: a property holds the field's value, or a function (args, context) computing it; a
// field whose type is a *Connection resolves from an array through generic filters and cursor
// pagination; interfaces and unions resolve through `__typename`.
import {
  getNamedType,
  isNonNullType,
  type GraphQLFieldResolver,
  type GraphQLTypeResolver,
} from 'graphql';
import { toConnection } from './connection';
import { isConnectionType } from './query-limits';

export interface ResolverContext {
  /** Called once per unmapped non-null field, so the gap is reported where tests look. */
  reportUnmapped(typeName: string, fieldName: string): void;
  /** Anything resolvers need (the domain store, the viewer, rate-limit figures). */
  [key: string]: unknown;
}

/** A non-null field the emulator has no value for: the message says where to add the mapping. */
export class UnmappedFieldError extends Error {
  constructor(
    readonly typeName: string,
    readonly fieldName: string,
  ) {
    super(
      `GitHub emulator: no mapping for the non-null field ${typeName}.${fieldName}; ` +
        `add it to the ${typeName} mapping in test/support/emulator/graphql/mappers/.`,
    );
    this.name = 'UnmappedFieldError';
  }
}

export const fieldResolver: GraphQLFieldResolver<unknown, ResolverContext> = (
  source,
  args,
  context,
  info,
) => {
  const record = (source ?? {}) as Record<string, unknown>;
  let value = record[info.fieldName];
  if (typeof value === 'function')
    value = (value as (a: unknown, c: unknown) => unknown).call(source, args, context);
  if (value === undefined || value === null) {
    if (isNonNullType(info.returnType)) {
      context.reportUnmapped(info.parentType.name, info.fieldName);
      throw new UnmappedFieldError(info.parentType.name, info.fieldName);
    }
    return null;
  }
  if (Array.isArray(value) && isConnectionType(getNamedType(info.returnType))) {
    return toConnection(value, args);
  }
  return value;
};

export const typeResolver: GraphQLTypeResolver<unknown, ResolverContext> = (
  value,
  _context,
  _info,
  abstractType,
) => {
  const typename = (value as { __typename?: unknown } | null)?.__typename;
  if (typeof typename !== 'string') {
    throw new Error(
      `GitHub emulator: a value returned for ${abstractType.name} has no __typename.`,
    );
  }
  return typename;
};
