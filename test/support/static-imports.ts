/**
 * The static import graph of a source file: what a process pays for at start-up.
 * `import type` and `await import()` are free and are not followed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every package a module reaches through static imports, with the file that imports it. */
export function staticPackageImports(entry: string): { files: Set<string>; packages: string[] } {
  const files = new Set<string>();
  const packages: string[] = [];
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)) {
      const target = m[1] ?? '';
      if (target.startsWith('.')) visit(join(file, '..', target.replace(/\.js$/, '.ts')));
      else if (!target.startsWith('node:')) packages.push(`${file} → ${target}`);
    }
  };
  visit(entry);
  return { files, packages };
}
