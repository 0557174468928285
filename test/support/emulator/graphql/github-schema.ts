// GitHub's published GraphQL schema (@octokit/graphql-schema), built once per module instance
// (once per process; under jest once per test file, as jest gives each file its own modules).
// The SDL repeats two EnterpriseOwnerInfo fields, which graphql-js's SDL validation rejects;
// the rest of the document is the schema GitHub serves, so the SDL check is skipped and the
// built schema is used as is for validation and execution.
import { readFileSync } from 'node:fs';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { packageFile } from '../package-file';

// Module scope, not globalThis: a schema built by another copy of graphql-js (a reset module
// registry) would fail graphql-js's instanceof checks.
let cached: GraphQLSchema | undefined;

// The package exports only its ESM entry (which also parses a 5 MB JSON), so the SDL file is
// found the way Node finds packages: in node_modules of this folder or an ancestor.
function schemaPath(): string {
  return packageFile('@octokit/graphql-schema', 'schema.graphql');
}

/** The GitHub GraphQL schema; the first call parses the SDL (about half a second), later calls are free. */
export function githubSchema(): GraphQLSchema {
  cached ??= buildSchema(readFileSync(schemaPath(), 'utf8'), { assumeValidSDL: true });
  return cached;
}
