// Loads tree-sitter (WebAssembly) and the prebuilt Python and Go grammars shipped in their npm
// packages. The .wasm files are read from disk next to this module's bundle (ncc copies them)
// or from node_modules when running from source; nothing is fetched.
import { readFileSync } from 'node:fs';
import { Language, Parser } from 'web-tree-sitter';

export type GrammarName = 'python' | 'go';

let runtime: Promise<void> | undefined;
const parsers = new Map<GrammarName, Promise<Parser>>();

function wasm(name: GrammarName): Uint8Array {
  // Literal URLs so the bundler sees and ships each asset.
  if (name === 'python')
    return readFileSync(
      new URL('../../../node_modules/tree-sitter-python/tree-sitter-python.wasm', import.meta.url),
    );
  return readFileSync(
    new URL('../../../node_modules/tree-sitter-go/tree-sitter-go.wasm', import.meta.url),
  );
}

async function load(name: GrammarName): Promise<Parser> {
  runtime ??= Parser.init({
    wasmBinary: readFileSync(
      new URL('../../../node_modules/web-tree-sitter/tree-sitter.wasm', import.meta.url),
    ),
  });
  await runtime;
  const parser = new Parser();
  parser.setLanguage(await Language.load(wasm(name)));
  return parser;
}

/** One parser per grammar, created on first use. */
export function parserFor(name: GrammarName): Promise<Parser> {
  let parser = parsers.get(name);
  if (!parser) parsers.set(name, (parser = load(name)));
  return parser;
}
