/** Argument checking shared by the helpers: a bad argument is reported, never thrown out of a render. */
import type { Money, Quantity } from '../dataset/schema.js';
import type { DiagnosticCode } from '../diagnostics.js';
import type { HelperLocation } from './render-state.js';

/** The options object Handlebars passes as a helper's last argument (the parts we use). */
export interface HelperOptions {
  hash: Record<string, unknown>;
  loc?: HelperLocation;
  fn?: (context: unknown) => string;
  inverse?: (context: unknown) => string;
}

export type Helper = (args: unknown[], options: HelperOptions) => unknown;

export interface HelperTable {
  [name: string]: Helper;
}

/** Thrown inside a helper to report a problem; the environment turns it into a Diagnostic. */
export class HelperArgumentError extends Error {
  constructor(
    message: string,
    readonly code: DiagnosticCode = 'TEMPLATE_HELPER_ARGS',
    readonly hint?: string,
  ) {
    super(message);
  }
}

export function fail(message: string, code?: DiagnosticCode, hint?: string): never {
  throw new HelperArgumentError(message, code, hint);
}

/** A plain object (a dataset record or one of its fields), not an array or null. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isMoney(value: unknown): value is Money {
  const v = value as Partial<Money> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.amount === 'number' &&
    typeof v.currency === 'string' &&
    typeof v.scale === 'string'
  );
}

export function isQuantity(value: unknown): value is Quantity {
  const v = value as Partial<Quantity> | null;
  return typeof v === 'object' && v !== null && typeof v.amount === 'number' && typeof v.unit === 'string';
}

export function asNumber(value: unknown, what: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  return fail(`${what} must be a number, got ${describe(value)}`);
}

export function asString(value: unknown, what: string): string {
  if (typeof value === 'string') return value;
  return fail(`${what} must be a text, got ${describe(value)}`);
}

export function describe(value: unknown): string {
  if (value === undefined)
    return 'nothing (is the field name right? a field named like a helper is read as this.name)';
  if (value === null) return 'an empty field';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a record';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** Handlebars' own truthiness: empty lists are false. */
export function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return Boolean(value);
}
