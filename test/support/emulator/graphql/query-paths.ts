// Paths inside a query document in the form GitHub's errors use: the operation ("query" or
// "query Name"), then field names (aliases win), "... on Type" for inline fragments and
// "fragment Name" for fragment definitions.
import { BREAK, visit, type ASTNode, type DocumentNode } from 'graphql';

function segmentOf(node: ASTNode): string | undefined {
  switch (node.kind) {
    case 'OperationDefinition':
      return node.name ? `${node.operation} ${node.name.value}` : node.operation;
    case 'FragmentDefinition':
      return `fragment ${node.name.value}`;
    case 'Field':
      return node.alias?.value ?? node.name.value;
    case 'InlineFragment':
      return node.typeCondition ? `... on ${node.typeCondition.name.value}` : '...';
    case 'FragmentSpread':
      return `... ${node.name.value}`;
    default:
      return undefined;
  }
}

/** The GitHub-style path from the document root to `target` (empty when it is not in the document). */
export function documentPathOf(document: DocumentNode, target: ASTNode): string[] {
  const stack: string[] = [];
  let found: string[] = [];
  visit(document, {
    enter(node) {
      const segment = segmentOf(node);
      if (segment !== undefined) stack.push(segment);
      if (node === target) {
        found = [...stack];
        return BREAK;
      }
      return undefined;
    },
    leave(node) {
      if (segmentOf(node) !== undefined) stack.pop();
    },
  });
  return found;
}
