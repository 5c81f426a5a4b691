/** Handlebars AST nodes as the document stage reads and rewrites them. */

/** The parts of Handlebars' AST we read or change; narrow on purpose (its typings are loose). */
export interface HbsNode {
  type: string;
  loc?: { start: { line: number; column: number } };
  [key: string]: unknown;
}

export function isNode(value: unknown): value is HbsNode {
  return (
    typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
  );
}

export function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
