// Public exports of TypeScript/JavaScript modules, read with the TypeScript compiler API
// (syntax only, no type checking): `export` declarations, `export { a as b }`, `export *`
// (followed into relative modules), and CommonJS `exports.x =` / `module.exports = { x }`.
import './commonjs-globals';
import path from 'node:path';
import ts from 'typescript';
import type { ExportedName } from './model';

export type ReadSource = (file: string) => string | undefined;

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.d.ts', '.js', '.jsx', '.mjs', '.cjs'];

function resolveModule(from: string, specifier: string, read: ReadSource): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  const stem = base.replace(/\.(m|c)?jsx?$/, '');
  const candidates = [
    base,
    ...EXTENSIONS.map((e) => stem + e),
    ...EXTENSIONS.map((e) => `${base}/index${e}`),
  ];
  return candidates.find((c) => read(c) !== undefined);
}

function hasExport(node: ts.Node): boolean {
  return (
    ts.canHaveModifiers(node) &&
    (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
  );
}

function isDefault(node: ts.Node): boolean {
  return (
    ts.canHaveModifiers(node) &&
    (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)
  );
}

export function typescriptExports(
  file: string,
  read: ReadSource,
  seen = new Set<string>(),
): ExportedName[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const text = read(file);
  if (text === undefined) return [];
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const out: ExportedName[] = [];
  const add = (name: string, node: ts.Node) => {
    if (name === 'default' || name.startsWith('_')) return;
    out.push({
      name,
      file,
      line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
    });
  };
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement)) {
      if (statement.isTypeOnly && !statement.exportClause) continue;
      const clause = statement.exportClause;
      const specifier =
        statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)
          ? statement.moduleSpecifier.text
          : undefined;
      if (!clause && specifier) {
        const target = resolveModule(file, specifier, read);
        if (target) out.push(...typescriptExports(target, read, seen));
      } else if (clause && ts.isNamespaceExport(clause)) add(clause.name.text, clause.name);
      else if (clause && ts.isNamedExports(clause))
        for (const element of clause.elements) add(element.name.text, element.name);
      continue;
    }
    if (!hasExport(statement) || isDefault(statement)) {
      collectCommonJs(statement, source, add);
      continue;
    }
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) add(declaration.name.text, declaration.name);
      }
    } else if (
      (ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement) ||
        ts.isEnumDeclaration(statement) ||
        ts.isModuleDeclaration(statement)) &&
      statement.name &&
      ts.isIdentifier(statement.name)
    ) {
      add(statement.name.text, statement.name);
    }
  }
  return out;
}

function collectCommonJs(
  statement: ts.Statement,
  source: ts.SourceFile,
  add: (name: string, node: ts.Node) => void,
): void {
  if (!ts.isExpressionStatement(statement) || !ts.isBinaryExpression(statement.expression)) return;
  const { left, right, operatorToken } = statement.expression;
  if (operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isPropertyAccessExpression(left))
    return;
  const target = left.expression.getText(source);
  if (target === 'exports' || target === 'module.exports') {
    add(left.name.text, left.name);
  } else if (
    ts.isIdentifier(left.expression) &&
    left.expression.text === 'module' &&
    left.name.text === 'exports' &&
    ts.isObjectLiteralExpression(right)
  ) {
    for (const property of right.properties) {
      if (property.name && ts.isIdentifier(property.name)) add(property.name.text, property.name);
    }
  }
}
