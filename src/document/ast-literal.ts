/**
 * The AST rewrite behind "data prints as written" (literal.ts): every printing mustache is
 * wrapped in the literal helper, so what it prints reaches the Markdown stage as a placeholder.
 */
import { arrayOf, type HbsNode, isNode } from './hbs-node.js';
import { LITERAL_HELPER } from './literal.js';

/**
 * `{{"name"}}` and `{{42}}` read the field of that name (Handlebars turns a literal head into a
 * path when it compiles): make it a path now, so the field checks and the literal wrap see it.
 */
export function literalPath(node: HbsNode): void {
  const path = node.path;
  if (!isNode(path) || path.type === 'PathExpression' || !('original' in path)) return;
  const original = String(path.original);
  node.path = { type: 'PathExpression', data: false, depth: 0, parts: [original], original, loc: path.loc };
}

/**
 * `{{x}}` → `{{#literal x}}`, `{{helper a b=c}}` → `{{#literal (helper a b=c)}}`: the value is
 * computed exactly as before, then printed through the literal table instead of into the text.
 */
export function printLiterally(node: HbsNode, helperNames: ReadonlySet<string>): void {
  const path = node.path;
  if (!isNode(path)) return;
  const params = arrayOf(node.params);
  const parts = Array.isArray(path.parts) ? path.parts.map(String) : [];
  // Handlebars' own rule: a bare one-part name (not `this.x`, `./x`, `../x` or `@x`) may be a helper.
  const bare =
    parts.length === 1 &&
    path.data !== true &&
    !path.depth &&
    !/^\.|this\b/.test(String(path.original ?? ''));
  const helperCall = params.length > 0 || isNode(node.hash) || (bare && helperNames.has(parts[0] ?? ''));
  let argument: HbsNode;
  if (helperCall) {
    argument = { type: 'SubExpression', path, params, hash: node.hash, loc: node.loc };
  } else {
    // Printed as a mustache, the path had to exist; as an argument it must too.
    if (parts.length > 0) path.strict = true;
    argument = path;
  }
  node.path = {
    type: 'PathExpression',
    data: false,
    depth: 0,
    parts: [LITERAL_HELPER],
    original: LITERAL_HELPER,
    loc: path.loc,
  };
  node.params = [argument];
  node.hash = undefined;
}
