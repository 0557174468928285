// Test helper: parses Markdown the way GitHub does (CommonMark + GFM) to check structure.
import type { Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

export function parseMarkdown(markdown: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
}

type AnyNode = Root | RootContent;

/** Every node of the tree, depth first. */
export function allNodes(node: AnyNode): AnyNode[] {
  const children = 'children' in node ? (node.children as RootContent[]) : [];
  return [node, ...children.flatMap((child) => allNodes(child))];
}

/** The text a reader sees: text and inline code values, paragraphs separated by blank lines. */
export function visibleText(node: AnyNode): string {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') return node.value;
  if (!('children' in node)) return '';
  const children = node.children as RootContent[];
  const separator = node.type === 'root' || node.type === 'blockquote' ? '\n\n' : '';
  return children.map((child) => visibleText(child)).join(separator);
}
