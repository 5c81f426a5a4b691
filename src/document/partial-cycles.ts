/**
 * A partial that includes itself, directly or through others, would recurse until the stack
 * overflows (a RangeError with no position). The dataset has no nested records to recurse
 * over, so every cycle is a mistake: it is refused before anything runs, at the `{{> name}}`
 * that closes it.
 */
import { type Diagnostic, error } from '../diagnostics.js';

export interface PartialUse {
  name: string;
  line: number;
  column: number;
}

export interface TemplateUses {
  /** File name for diagnostics. */
  file: string;
  uses: readonly PartialUse[];
}

/** `main` and each reachable partial (by name) with the partials it includes. */
export function partialCycles(main: TemplateUses, partials: ReadonlyMap<string, TemplateUses>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<string>();
  const finished = new Set<string>();
  const stack: string[] = [];
  const visit = (template: TemplateUses): void => {
    for (const use of template.uses) {
      const target = partials.get(use.name);
      if (!target) continue;
      const open = stack.indexOf(use.name);
      if (open >= 0) {
        const key = `${template.file}:${use.line}:${use.column}`;
        if (reported.has(key)) continue;
        reported.add(key);
        const cycle = [...stack.slice(open), use.name].join(' → ');
        diagnostics.push(
          error('TEMPLATE_PARTIAL_CYCLE', `the partial "${use.name}" includes itself (${cycle})`, {
            file: template.file,
            line: use.line,
            column: use.column,
            hint: 'a partial cannot include itself, not even through another partial: move the shared part into a partial of its own',
          }),
        );
        continue;
      }
      if (finished.has(use.name)) continue;
      stack.push(use.name);
      visit(target);
      stack.pop();
      finished.add(use.name);
    }
  };
  visit(main);
  return diagnostics;
}
