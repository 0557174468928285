export const id = 669;
export const ids = [669];
export const modules = {

/***/ 2669:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  typescriptExports: () => (/* binding */ typescriptExports)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
;// CONCATENATED MODULE: ./src/doc-drift/exports/commonjs-globals.ts
// The TypeScript compiler is CommonJS and reads `__filename` when it loads. In the ESM bundle
// there is no such binding, so provide it (and `__dirname`) before `typescript` is imported.


const scope = globalThis;
if (scope.__filename === undefined) {
    scope.__filename = (0,external_node_url_.fileURLToPath)(import.meta.url);
    scope.__dirname = external_node_path_default().dirname(scope.__filename);
}

// EXTERNAL MODULE: ./node_modules/typescript/lib/typescript.js
var typescript = __webpack_require__(5672);
var typescript_default = /*#__PURE__*/__webpack_require__.n(typescript);
;// CONCATENATED MODULE: ./src/doc-drift/exports/typescript-exports.ts
// Public exports of TypeScript/JavaScript modules, read with the TypeScript compiler API
// (syntax only, no type checking): `export` declarations, `export { a as b }`, `export *`
// (followed into relative modules), and CommonJS `exports.x =` / `module.exports = { x }`.



const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.d.ts', '.js', '.jsx', '.mjs', '.cjs'];
function resolveModule(from, specifier, read) {
    if (!specifier.startsWith('.'))
        return undefined;
    const base = external_node_path_default().posix.normalize(external_node_path_default().posix.join(external_node_path_default().posix.dirname(from), specifier));
    const stem = base.replace(/\.(m|c)?jsx?$/, '');
    const candidates = [
        base,
        ...EXTENSIONS.map((e) => stem + e),
        ...EXTENSIONS.map((e) => `${base}/index${e}`),
    ];
    return candidates.find((c) => read(c) !== undefined);
}
function hasExport(node) {
    return (typescript_default().canHaveModifiers(node) &&
        (typescript_default().getModifiers(node) ?? []).some((m) => m.kind === (typescript_default()).SyntaxKind.ExportKeyword));
}
function isDefault(node) {
    return (typescript_default().canHaveModifiers(node) &&
        (typescript_default().getModifiers(node) ?? []).some((m) => m.kind === (typescript_default()).SyntaxKind.DefaultKeyword));
}
function typescriptExports(file, read, seen = new Set()) {
    if (seen.has(file))
        return [];
    seen.add(file);
    const text = read(file);
    if (text === undefined)
        return [];
    const source = typescript_default().createSourceFile(file, text, (typescript_default()).ScriptTarget.Latest, false);
    const out = [];
    const add = (name, node) => {
        if (name === 'default' || name.startsWith('_'))
            return;
        out.push({
            name,
            file,
            line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
        });
    };
    for (const statement of source.statements) {
        if (typescript_default().isExportDeclaration(statement)) {
            if (statement.isTypeOnly && !statement.exportClause)
                continue;
            const clause = statement.exportClause;
            const specifier = statement.moduleSpecifier && typescript_default().isStringLiteral(statement.moduleSpecifier)
                ? statement.moduleSpecifier.text
                : undefined;
            if (!clause && specifier) {
                const target = resolveModule(file, specifier, read);
                if (target)
                    out.push(...typescriptExports(target, read, seen));
            }
            else if (clause && typescript_default().isNamespaceExport(clause))
                add(clause.name.text, clause.name);
            else if (clause && typescript_default().isNamedExports(clause))
                for (const element of clause.elements)
                    add(element.name.text, element.name);
            continue;
        }
        if (!hasExport(statement) || isDefault(statement)) {
            collectCommonJs(statement, source, add);
            continue;
        }
        if (typescript_default().isVariableStatement(statement)) {
            for (const declaration of statement.declarationList.declarations) {
                if (typescript_default().isIdentifier(declaration.name))
                    add(declaration.name.text, declaration.name);
            }
        }
        else if ((typescript_default().isFunctionDeclaration(statement) ||
            typescript_default().isClassDeclaration(statement) ||
            typescript_default().isInterfaceDeclaration(statement) ||
            typescript_default().isTypeAliasDeclaration(statement) ||
            typescript_default().isEnumDeclaration(statement) ||
            typescript_default().isModuleDeclaration(statement)) &&
            statement.name &&
            typescript_default().isIdentifier(statement.name)) {
            add(statement.name.text, statement.name);
        }
    }
    return out;
}
function collectCommonJs(statement, source, add) {
    if (!typescript_default().isExpressionStatement(statement) || !typescript_default().isBinaryExpression(statement.expression))
        return;
    const { left, right, operatorToken } = statement.expression;
    if (operatorToken.kind !== (typescript_default()).SyntaxKind.EqualsToken || !typescript_default().isPropertyAccessExpression(left))
        return;
    const target = left.expression.getText(source);
    if (target === 'exports' || target === 'module.exports') {
        add(left.name.text, left.name);
    }
    else if (typescript_default().isIdentifier(left.expression) &&
        left.expression.text === 'module' &&
        left.name.text === 'exports' &&
        typescript_default().isObjectLiteralExpression(right)) {
        for (const property of right.properties) {
            if (property.name && typescript_default().isIdentifier(property.name))
                add(property.name.text, property.name);
        }
    }
}


/***/ })

};
