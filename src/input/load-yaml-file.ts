/** Reads a YAML file and validates it against a zod schema, with positioned diagnostics. */
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { type Diagnostic, error } from '../diagnostics.js';
import { decodeUtf8, parseYaml, type YamlSource } from './yaml.js';
import { parseWith } from './zod-issues.js';

export interface Validated<T> {
  value?: T;
  source?: YamlSource;
  diagnostics: Diagnostic[];
}

export function validateYamlBytes<S extends z.ZodType>(
  schema: S,
  bytes: Uint8Array,
  file: string,
): Validated<z.output<S>> {
  const decoded = decodeUtf8(bytes, file);
  if (decoded.text === undefined) return { diagnostics: decoded.diagnostic ? [decoded.diagnostic] : [] };
  const parsed = parseYaml(decoded.text, file);
  if (!parsed.source) return { diagnostics: parsed.diagnostics };
  const result = parseWith(schema, parsed.source);
  return { value: result.value, source: parsed.source, diagnostics: result.diagnostics };
}

export async function readInputFile(file: string): Promise<{ bytes?: Uint8Array; diagnostic?: Diagnostic }> {
  try {
    return { bytes: await readFile(file) };
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    return {
      diagnostic: error(
        'FILE_NOT_FOUND',
        code === 'ENOENT'
          ? 'no such file'
          : code === 'EISDIR'
            ? 'this is a folder, not a file'
            : `cannot read the file (${code ?? 'error'})`,
        {
          file,
          hint: 'check the path and that the file exists',
        },
      ),
    };
  }
}

export async function loadYamlFile<S extends z.ZodType>(
  schema: S,
  file: string,
): Promise<Validated<z.output<S>>> {
  const read = await readInputFile(file);
  if (!read.bytes) return { diagnostics: read.diagnostic ? [read.diagnostic] : [] };
  return validateYamlBytes(schema, read.bytes, file);
}
