// GraphQL errors in the shape GitHub returns them (graphql-ruby wording and extension codes),
// built from graphql-js errors, so client code sees what it would see on github.com.
import { print, type DocumentNode, type GraphQLError } from 'graphql';
import { documentPathOf } from './query-paths';

export interface GitHubErrorLocation {
  line: number;
  column: number;
}

export interface GitHubGraphQLError {
  message: string;
  type?: string;
  path?: (string | number)[];
  locations?: GitHubErrorLocation[];
  extensions?: Record<string, unknown>;
}

interface Rewrite {
  pattern: RegExp;
  rewrite: (m: RegExpMatchArray) => { message: string; extensions: Record<string, unknown> };
}

// graphql-js v16 validation messages, most specific first, mapped to GitHub's wording.
const REWRITES: Rewrite[] = [
  {
    pattern: /^Cannot query field "([^"]+)" on type "([^"]+)"\./,
    rewrite: ([, field, type]) => ({
      message: `Field '${field}' doesn't exist on type '${type}'`,
      extensions: { code: 'undefinedField', typeName: type, fieldName: field },
    }),
  },
  {
    pattern: /^Unknown argument "([^"]+)" on field "[^".]+\.([^"]+)"\./,
    rewrite: ([, arg, field]) => ({
      message: `Field '${field}' doesn't accept argument '${arg}'`,
      extensions: {
        code: 'argumentNotAccepted',
        name: field,
        typeName: 'Field',
        argumentName: arg,
      },
    }),
  },
  {
    pattern:
      /^Field "([^"]+)" argument "([^"]+)" of type "[^"]+" is required, but it was not provided\./,
    rewrite: ([, field, arg]) => ({
      message: `Field '${field}' is missing required arguments: ${arg}`,
      extensions: {
        code: 'missingRequiredArguments',
        className: 'Field',
        name: field,
        arguments: arg,
      },
    }),
  },
  {
    pattern: /^Field "([^"]+)" of type "([^"]+)" must have a selection of subfields/,
    rewrite: ([, field, type]) => ({
      message: `Field must have selections (field '${field}' returns ${type} but has no selections. Did you mean '${field} { ... }'?)`,
      extensions: { code: 'selectionMismatch', nodeName: field, typeName: type },
    }),
  },
  {
    pattern: /^Field "([^"]+)" must not have a selection since type "([^"]+)" has no subfields\./,
    rewrite: ([, field, type]) => ({
      message: `Selections can't be made on scalars (field '${field}' returns ${type} but has selections)`,
      extensions: { code: 'selectionMismatch', nodeName: field, typeName: type },
    }),
  },
  {
    pattern: /^Variable "\$([^"]+)" is never used in operation "([^"]+)"\./,
    rewrite: ([, variable, operation]) => ({
      message: `Variable $${variable} is declared by ${operation} but not used`,
      extensions: { code: 'variableNotUsed', variableName: variable },
    }),
  },
  {
    pattern: /^Variable "\$([^"]+)" is never used\./,
    rewrite: ([, variable]) => ({
      message: `Variable $${variable} is declared by anonymous query but not used`,
      extensions: { code: 'variableNotUsed', variableName: variable },
    }),
  },
  {
    pattern: /^Variable "\$([^"]+)" is not defined(?: by operation "([^"]+)")?\./,
    rewrite: ([, variable, operation]) => ({
      message: `Variable $${variable} is used by ${operation ?? 'anonymous query'} but not declared`,
      extensions: { code: 'variableNotDefined', variableName: variable },
    }),
  },
  {
    pattern: /^Variable "\$([^"]+)" of type "([^"]+)" used in position expecting type "([^"]+)"\./,
    rewrite: ([, variable, given, expected]) => ({
      message: `Type mismatch on variable $${variable} and argument (${given} / ${expected})`,
      extensions: { code: 'variableMismatch', variableName: variable, typeName: given },
    }),
  },
  {
    pattern: /^Unknown type "([^"]+)"\./,
    rewrite: ([, type]) => ({
      message: `No such type ${type}, so it can't be used here`,
      extensions: { code: 'undefinedType', typeName: type },
    }),
  },
  {
    pattern: /^Value "([^"]+)" does not exist in "([^"]+)" enum\./,
    rewrite: ([, value, type]) => ({
      message: `Argument has an invalid value (${value}). Expected type '${type}'.`,
      extensions: { code: 'argumentLiteralsIncompatible', typeName: type },
    }),
  },
  {
    pattern: /^Variable "\$([^"]+)" of (?:required |non-null )?type "([^"]+)"/,
    rewrite: ([, variable, type]) => ({
      message: `Variable $${variable} of type ${type} was provided invalid value`,
      extensions: { code: 'variableValueInvalid', variableName: variable, typeName: type },
    }),
  },
];

function locationsOf(error: GraphQLError): GitHubErrorLocation[] | undefined {
  return error.locations?.map(({ line, column }) => ({ line, column }));
}

function declaredType(document: DocumentNode | undefined, variable: string): string {
  for (const definition of document?.definitions ?? []) {
    if (definition.kind !== 'OperationDefinition') continue;
    const declared = definition.variableDefinitions?.find(
      (v) => v.variable.name.value === variable,
    );
    if (declared) return print(declared.type);
  }
  return 'unknown';
}

/** graphql-js: `Variable "$x" got invalid value ...; reason` -> GitHub's "was provided invalid value". */
function fromVariableValueError(
  error: GraphQLError,
  document: DocumentNode | undefined,
): GitHubGraphQLError | undefined {
  const match = error.message.match(
    /^Variable "\$([^"]+)" got invalid value (.*?)(?: at "[^"]*")?; (.*)$/s,
  );
  if (!match) return undefined;
  const [, variable = '', value = '', reason = ''] = match;
  return {
    message: `Variable $${variable} of type ${declaredType(document, variable)} was provided invalid value`,
    locations: locationsOf(error),
    extensions: {
      code: 'variableValueInvalid',
      value: value.replace(/"/g, ''),
      problems: [{ path: [], explanation: reason.replace(/"/g, "'") }],
    },
  };
}

/** A validation or variable-coercion error from graphql-js, reworded as GitHub words it. */
export function fromValidationError(
  error: GraphQLError,
  document: DocumentNode | undefined,
): GitHubGraphQLError {
  const variableError = fromVariableValueError(error, document);
  if (variableError) return variableError;
  const node = error.nodes?.[0];
  const path = document && node ? documentPathOf(document, node) : undefined;
  for (const { pattern, rewrite } of REWRITES) {
    const match = error.message.match(pattern);
    if (match) return { ...rewrite(match), path, locations: locationsOf(error) };
  }
  return {
    message: error.message.replace(/"/g, "'"),
    path,
    locations: locationsOf(error),
    extensions: { code: 'validationError' },
  };
}

/** A syntax error, in graphql-ruby's "Parse error on ... at [line, column]" form. */
export function fromSyntaxError(error: GraphQLError): GitHubGraphQLError {
  const location = error.locations?.[0] ?? { line: 1, column: 1 };
  const found = error.message.match(/found (.+?)\.?$/)?.[1] ?? 'end of input';
  return {
    message: `Parse error on ${found} at [${location.line}, ${location.column}]`,
    locations: [{ line: location.line, column: location.column }],
  };
}

/** An error raised while executing (a resolver threw), keeping the typed errors resolvers raise. */
export function fromExecutionError(error: GraphQLError): GitHubGraphQLError {
  const original = error.originalError as (Error & { githubType?: string }) | undefined;
  return {
    ...(original?.githubType ? { type: original.githubType } : {}),
    path: error.path ? [...error.path] : undefined,
    locations: locationsOf(error),
    message: error.message,
  };
}

/** An error GitHub reports with a `type` (NOT_FOUND, MISSING_PAGINATION_BOUNDARIES, ...). */
export class GitHubTypedError extends Error {
  constructor(
    readonly githubType: string,
    message: string,
  ) {
    super(message);
    this.name = 'GitHubTypedError';
  }
}
