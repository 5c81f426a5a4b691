/** Reads a YAML file and validates it against a zod schema, with positioned diagnostics. */
import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics.js';
import { readInputFile } from './read-file.js';
import { decodeUtf8, parseYaml, type YamlSource } from './yaml.js';
import { parseWith } from './zod-issues.js';

/** The guarded reader lives in read-file.ts; kept here for the loaders that import it from here. */
export { readInputFile } from './read-file.js';

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

export async function loadYamlFile<S extends z.ZodType>(
  schema: S,
  file: string,
): Promise<Validated<z.output<S>>> {
  const read = await readInputFile(file);
  if (!read.bytes) return { diagnostics: read.diagnostic ? [read.diagnostic] : [] };
  return validateYamlBytes(schema, read.bytes, file);
}
