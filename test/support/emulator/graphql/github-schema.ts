// GitHub's published GraphQL schema (@octokit/graphql-schema), built once per module instance
// (once per process; under jest once per test file, as jest gives each file its own modules).
// The SDL repeats two EnterpriseOwnerInfo fields, which graphql-js's SDL validation rejects;
// the rest of the document is the schema GitHub serves, so the SDL check is skipped and the
// built schema is used as is for validation and execution.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, type GraphQLSchema } from 'graphql';

// Module scope, not globalThis: a schema built by another copy of graphql-js (a reset module
// registry) would fail graphql-js's instanceof checks.
let cached: GraphQLSchema | undefined;

// The package exports only its ESM entry (which also parses a 5 MB JSON), so the SDL file is
// found the way Node finds packages: in node_modules of this folder or an ancestor.
function schemaPath(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(
      dir,
      'node_modules',
      '@octokit',
      'graphql-schema',
      'schema.graphql',
    );
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('@octokit/graphql-schema is not installed: run npm ci');
    dir = parent;
  }
}

/** The GitHub GraphQL schema; the first call parses the SDL (about half a second), later calls are free. */
export function githubSchema(): GraphQLSchema {
  cached ??= buildSchema(readFileSync(schemaPath(), 'utf8'), { assumeValidSDL: true });
  return cached;
}
