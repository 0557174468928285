// Exported identifiers of a Go file (capitalised top-level functions, types, vars and consts),
// parsed with tree-sitter. Methods are left out: their receivers' types are what a doc names.
import type { Node, Parser } from 'web-tree-sitter';
import type { ExportedName } from './model';

function exported(name: string): boolean {
  return /^\p{Lu}/u.test(name);
}

export function goExports(parser: Parser, file: string, text: string): ExportedName[] {
  const tree = parser.parse(text);
  if (!tree) return [];
  const out: ExportedName[] = [];
  const add = (node: Node | null) => {
    if (node && exported(node.text))
      out.push({ name: node.text, file, line: node.startPosition.row + 1 });
  };
  for (const declaration of tree.rootNode.namedChildren) {
    if (!declaration) continue;
    if (declaration.type === 'function_declaration') add(declaration.childForFieldName('name'));
    else if (
      declaration.type === 'type_declaration' ||
      declaration.type === 'var_declaration' ||
      declaration.type === 'const_declaration'
    ) {
      const specs: Node[] = [];
      const collect = (node: Node) => {
        for (const child of node.namedChildren) {
          if (!child) continue;
          if (child.type.endsWith('_spec')) specs.push(child);
          else if (child.type.endsWith('_spec_list')) collect(child);
        }
      };
      collect(declaration);
      for (const spec of specs) {
        for (const name of spec.childrenForFieldName('name')) add(name);
      }
    }
  }
  tree.delete();
  return out;
}
