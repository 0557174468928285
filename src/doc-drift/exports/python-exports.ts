// Public names of a Python module: `__all__` when it lists them, else the top-level functions,
// classes and assignments whose names do not start with `_`. Parsed with tree-sitter.
import type { Node, Parser } from 'web-tree-sitter';
import type { ExportedName } from './model';

function stringsOf(node: Node): string[] {
  const out: string[] = [];
  for (const child of node.namedChildren) {
    if (child?.type === 'string')
      out.push(child.text.replace(/^[rbuRBU]*(['"]{1,3})([\s\S]*)\1$/, '$2'));
  }
  return out;
}

export function pythonExports(parser: Parser, file: string, text: string): ExportedName[] {
  const tree = parser.parse(text);
  if (!tree) return [];
  const found: ExportedName[] = [];
  let all: string[] | undefined;
  const add = (name: string, node: Node) => {
    if (!name.startsWith('_')) found.push({ name, file, line: node.startPosition.row + 1 });
  };
  for (const statement of tree.rootNode.namedChildren) {
    if (!statement) continue;
    const node =
      statement.type === 'decorated_definition'
        ? statement.childForFieldName('definition')
        : statement;
    if (!node) continue;
    if (node.type === 'function_definition' || node.type === 'class_definition') {
      const name = node.childForFieldName('name');
      if (name) add(name.text, name);
    } else if (node.type === 'expression_statement') {
      const assignment = node.namedChildren[0];
      if (assignment?.type !== 'assignment') continue;
      const left = assignment.childForFieldName('left');
      const right = assignment.childForFieldName('right');
      if (left?.type !== 'identifier') continue;
      if (left.text === '__all__' && right && (right.type === 'list' || right.type === 'tuple'))
        all = stringsOf(right);
      else add(left.text, left);
    }
  }
  tree.delete();
  if (all === undefined) return found;
  const wanted = new Set(all);
  return found.filter((e) => wanted.has(e.name));
}
