/**
 * No country's defaults in briefkit's code or schema descriptions (issue 12): the shipped Korea
 * dataset and theme may name the won and Pretendard, the code and the JSON Schemas editors show
 * may not. Comments are left out (they may cite an example); the script tables that name every
 * script (Hangul among them) and the table of currency symbols are the allowed exceptions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const KOREAN = /korea|hangul|pretendard|₩|\bKRW\b|\bwon\b/i;
/** Tables that list every script or currency, Hangul and the won among them. */
const LISTS = new Set([
  'src/text/runs.ts',
  'src/render/pptx/script-runs.ts',
  'src/render/pptx/measure.ts',
  'src/dataset/wording.ts',
  // The HTML edition's table of scripts that get their own lang/dir.
  'src/render/html/scripts.ts',
  // The provenance check's script table and its table of currency words in many languages.
  'src/dataset/provenance/language.ts',
  'src/dataset/provenance/mentions.ts',
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Code lines, without comments: a line in a block comment, or the part after `//`. */
function codeLines(text: string): { line: number; code: string }[] {
  let inComment = false;
  return text.split('\n').flatMap((raw, i) => {
    let code = raw;
    if (inComment) {
      const end = code.indexOf('*/');
      if (end < 0) return [];
      code = code.slice(end + 2);
      inComment = false;
    }
    code = code.replace(/\/\*.*?\*\//g, '');
    const open = code.indexOf('/*');
    if (open >= 0) {
      inComment = true;
      code = code.slice(0, open);
    }
    code = code.replace(/(^|\s)\/\/.*$/, '$1');
    return code.trim() === '' ? [] : [{ line: i + 1, code }];
  });
}

describe('country-neutral code and schemas', () => {
  it('no code line of src/ names Korea, Hangul, Pretendard or the won', () => {
    const found = sourceFiles(join(ROOT, 'src'))
      .filter((file) => !LISTS.has(relative(ROOT, file)))
      .flatMap((file) =>
        codeLines(readFileSync(file, 'utf8'))
          .filter(({ code }) => KOREAN.test(code))
          .map(({ line, code }) => `${relative(ROOT, file)}:${line}: ${code.trim()}`),
      );
    expect(found).toEqual([]);
  });

  it('no description of the JSON Schemas does', () => {
    for (const name of ['policy-dataset.schema.json', 'briefkit.config.schema.json']) {
      const descriptions = [
        ...readFileSync(join(ROOT, 'data', name), 'utf8').matchAll(/"description": "((?:[^"\\]|\\.)*)"/g),
      ]
        .map((m) => m[1] ?? '')
        .filter((d) => KOREAN.test(d));
      expect(descriptions, name).toEqual([]);
    }
  });
});
