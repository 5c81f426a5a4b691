/**
 * Positioned field paths. In strict mode Handlebars reads `a.b.c` with plain property access
 * and an `in` test, so a path through a text (`{{sector.name.length}}`: `"length" in "AI"`)
 * or through an empty field throws a bare JavaScript TypeError that carries no position.
 * Handlebars lets an environment compile with its own JavaScriptCompiler (`env.JavaScriptCompiler`,
 * the extension point its compiler API documents); ours compiles every strict path into one call
 * of `readPath` with the path's template position, which reads own properties only and throws a
 * TemplatePathError naming the path, the position and what to do.
 */
import type { DiagnosticCode } from '../diagnostics.js';

/** Helper name the compiled code calls; `#` cannot start a name a template writes. */
export const PATH_HELPER = '#path';

export class TemplatePathError extends Error {
  constructor(
    message: string,
    readonly code: DiagnosticCode,
    readonly hint: string,
    readonly line: number,
    /** 1-based. */
    readonly column: number,
  ) {
    super(message);
  }
}

/** The compiler members we use: the same ones Handlebars' own `strictLookup` uses. */
interface CompilerState {
  options: { strict?: boolean };
  source: { currentLocation?: { start?: { line: number; column: number } } };
  popStack(): unknown;
  push(expression: unknown): unknown;
}

type ResolvePath = (
  this: CompilerState,
  type: string,
  parts: string[],
  start: number,
  falsy: boolean,
  strict: boolean,
) => void;

interface CompilerClass {
  new (): CompilerState;
  prototype: CompilerState & { resolvePath: ResolvePath; compiler: unknown };
}

/** Makes `env` compile strict paths through `readPath` (its helpers must include PATH_HELPER). */
export function usePositionedPaths(env: object): void {
  const holder = env as { JavaScriptCompiler: CompilerClass };
  const Base = holder.JavaScriptCompiler;
  const baseResolve = Base.prototype.resolvePath;
  function Positioned(this: CompilerState) {
    Base.call(this);
  }
  Positioned.prototype = Object.create(Base.prototype);
  // Block bodies are compiled by `new this.compiler()`: they must use this class too.
  Positioned.prototype.compiler = Positioned;
  Positioned.prototype.resolvePath = function (
    this: CompilerState,
    type: string,
    parts: string[],
    start: number,
    falsy: boolean,
    strict: boolean,
  ) {
    if (!this.options.strict) {
      baseResolve.call(this, type, parts, start, falsy, strict);
      return;
    }
    const parent = this.popStack();
    const at = this.source.currentLocation?.start ?? { line: 0, column: 0 };
    const site: PathSite = {
      start,
      requireTerminal: Boolean(strict),
      data: type === 'data',
      line: at.line,
      column: at.column + 1,
    };
    // The site goes last: Handlebars extends a helper's last argument (its options) in place.
    const call = `helpers[${JSON.stringify(PATH_HELPER)}](`;
    this.push([call, parent, `, ${JSON.stringify(parts)}, ${JSON.stringify(site)})`]);
  };
  holder.JavaScriptCompiler = Positioned as unknown as CompilerClass;
}

/** Where a path is read and how (compiled into the template as a JSON literal). */
export interface PathSite {
  /** Index of the first part read from `parent` (a block parameter's own name comes first). */
  start: number;
  /** The last part must exist too (a printed path); otherwise a missing last part is undefined. */
  requireTerminal: boolean;
  /** An `@data` path. */
  data: boolean;
  line: number;
  /** 1-based. */
  column: number;
}

/** Reads `parts[site.start…]` from `parent`, own properties only. */
export function readPath(parent: unknown, parts: string[], site: PathSite): unknown {
  const { line, column } = site;
  const prefix = site.data ? '@' : '';
  const name = (count: number) => `${prefix}${count === 0 ? 'this' : parts.slice(0, count).join('.')}`;
  const full = `${prefix}${parts.join('.')}`;
  let current = parent;
  for (let i = site.start; i < parts.length; i++) {
    const part = parts[i] ?? '';
    if (current === null || current === undefined) {
      throw new TemplatePathError(
        `"${name(i)}" is empty here, so "${full}" cannot be read`,
        'TEMPLATE_MISSING_FIELD',
        `not every record has ${name(i)}: wrap the line in {{#if ${name(i)}}}…{{/if}}`,
        line,
        column,
      );
    }
    if (typeof current !== 'object') {
      throw new TemplatePathError(
        `"${name(i)}" is ${kindOf(current)}, so it has no field "${part}"`,
        'TEMPLATE_MISSING_FIELD',
        'only records and lists have fields; print the value itself, or use a helper (see docs/templates.md)',
        line,
        column,
      );
    }
    if (!Object.hasOwn(current, part)) {
      if (i === parts.length - 1 && !site.requireTerminal) return undefined;
      throw new TemplatePathError(
        `the field "${part}" does not exist here`,
        'TEMPLATE_MISSING_FIELD',
        'check the spelling and where you are: inside {{#each}} fields are those of the item (use @root. for the top)',
        line,
        column,
      );
    }
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function kindOf(value: unknown): string {
  if (typeof value === 'string') return `a text ("${value.length > 40 ? `${value.slice(0, 40)}…` : value}")`;
  if (typeof value === 'number') return `a number (${value})`;
  if (typeof value === 'boolean') return `${value}`;
  return `a ${typeof value}`;
}
