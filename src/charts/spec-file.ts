/**
 * Chart spec files (`templates/charts/<id>.vl.json`): parsed with positions (JSON is
 * YAML, so the YAML parser gives line:column) and checked before vega ever sees them:
 * data only by name from a derived table, no URL and no link anywhere, expressions that
 * parse and run no regular expression (expressions.ts), within budgets.
 */
import { constants } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Diagnostic, didYouMean, error, formatPath } from '../diagnostics.js';
import { decodeUtf8, parseYaml, type YamlSource } from '../input/yaml.js';
import { expressionProblems } from './expressions.js';
import { CHART_LIMITS, type ChartLimits, formatCount } from './limits.js';
import { specWordProblems } from './spec-words.js';
import { checkStaticBudgets } from './static-budgets.js';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** A spec as an analyst wrote it, with a way back to its positions. */
export interface ChartSpecFile {
  /** File name without `.vl.json`; a per-sector spec yields `<id>-<sectorId>` charts. */
  id: string;
  file: string;
  spec: JsonObject;
  source: YamlSource;
  /** The derived table named by the top-level `data.name`. */
  table: string;
  /** From `usermeta.briefkit.perSector`: one chart per sector, bound to that sector's table. */
  perSector: boolean;
}

export const SPEC_SUFFIX = '.vl.json';

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** usermeta.briefkit, the spec's instructions to briefkit (vega-lite ignores usermeta). */
export function briefkitMeta(spec: JsonObject): JsonObject {
  const usermeta = spec.usermeta;
  const meta = isObject(usermeta) ? usermeta.briefkit : undefined;
  return isObject(meta) ? meta : {};
}

export function titleText(spec: JsonObject): string {
  const title = spec.title;
  if (typeof title === 'string') return title;
  if (isObject(title) && typeof title.text === 'string') return title.text;
  if (isObject(title) && Array.isArray(title.text)) return title.text.join(' ');
  return '';
}

type Path = (string | number)[];

/** Names of every `data: {name}` in the spec (layers may name other tables). */
export function specTableNames(node: Json, names = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) specTableNames(item, names);
  else if (isObject(node)) {
    if (isObject(node.data) && typeof node.data.name === 'string') names.add(node.data.name);
    for (const value of Object.values(node)) specTableNames(value, names);
  }
  return names;
}

function at(source: YamlSource, path: Path, key?: string): Partial<Diagnostic> {
  const position = key === undefined ? source.locate(path) : source.locateKey(path, key);
  return { file: source.file, ...position, path: formatPath(key === undefined ? path : [...path, key]) };
}

/** Every `url` key (data.url, an image's url channel…) and every `data.name` at any depth. */
function walk(node: Json, path: Path, visit: (node: JsonObject, path: Path) => void): void {
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) walk(item, [...path, i], visit);
  } else if (isObject(node)) {
    visit(node, path);
    for (const [key, value] of Object.entries(node)) walk(value, [...path, key], visit);
  }
}

/** Static checks of a parsed spec against the names of the derived tables. */
export function checkSpec(
  spec: JsonObject,
  source: YamlSource,
  tables: ReadonlySet<string>,
  perSectorTable: string,
  limits: ChartLimits = CHART_LIMITS,
): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const perSector = briefkitMeta(spec).perSector === true;
  const known = perSector ? new Set([...tables, perSectorTable]) : tables;
  walk(spec, [], (node, path) => {
    if ('url' in node) {
      problems.push(
        error(
          'CHART_EXTERNAL_DATA',
          'a chart may not load a URL or a file; its data comes from the dataset',
          {
            ...at(source, path, 'url'),
            hint: `name a derived table instead, e.g. "data": {"name": "${[...tables][0] ?? 'table'}"}`,
          },
        ),
      );
    }
    // vega's SVG writer crashed on a link (a floating promise, out of any try), and a
    // briefing's chart has no business sending a reader elsewhere.
    if ('href' in node) {
      problems.push(
        error('CHART_LINK', 'a chart may not link out of itself', {
          ...at(source, path, 'href'),
          hint: 'remove "href"; cite the source in the document instead ({{cite …}})',
        }),
      );
    }
    const data = node.data;
    // Inline rows would be figures no source backs: a chart draws the dataset, cited.
    if (isObject(data) && 'values' in data) {
      problems.push(
        error(
          'CHART_SPEC_INVALID',
          'a chart may not carry its own "values": its data comes from the dataset',
          {
            ...at(source, [...path, 'data'], 'values'),
            hint: `name a derived table or a list of the dataset instead, e.g. "data": {"name": "investments"}`,
          },
        ),
      );
    }
    if (isObject(data) && 'name' in data) {
      const name = data.name;
      if (typeof name !== 'string' || !known.has(name)) {
        const guess = typeof name === 'string' ? didYouMean(name, known) : undefined;
        problems.push(
          error('CHART_UNKNOWN_TABLE', `no derived table or dataset list named ${JSON.stringify(name)}`, {
            ...at(source, [...path, 'data', 'name']),
            hint: guess ? `did you mean "${guess}"?` : `the tables are: ${[...known].sort().join(', ')}`,
          }),
        );
      }
    }
  });
  const external = isObject(spec.data) && 'url' in spec.data;
  if (!external && (!isObject(spec.data) || typeof spec.data.name !== 'string')) {
    problems.push(
      error('CHART_SPEC_INVALID', 'the spec has no top-level "data": {"name": …}', {
        file: source.file,
        line: 1,
        column: 1,
        hint: 'name the derived table the chart draws, e.g. "data": {"name": "programBudgets"}',
      }),
    );
  }
  if ('datasets' in spec) {
    problems.push(
      error('CHART_SPEC_INVALID', '"datasets" is filled by briefkit from the derived tables', {
        ...at(source, [], 'datasets'),
        hint: 'remove "datasets" and name a derived table in "data"',
      }),
    );
  }
  problems.push(...specWordProblems(spec, source));
  problems.push(...expressionProblems(spec, source));
  problems.push(...checkStaticBudgets(spec, source, limits));
  return problems;
}

/** Parses one spec file's text. */
export function parseSpecText(
  text: string,
  file: string,
  id: string,
  tables: ReadonlySet<string>,
  perSectorTable: string,
  limits: ChartLimits = CHART_LIMITS,
): { spec?: ChartSpecFile; diagnostics: Diagnostic[] } {
  const parsed = parseYaml(text, file);
  if (!parsed.source) return { diagnostics: parsed.diagnostics };
  const data = parsed.source.data;
  if (!isObject(data)) {
    return {
      diagnostics: [
        error('CHART_SPEC_INVALID', 'a chart spec is a JSON object', { file, line: 1, column: 1 }),
      ],
    };
  }
  const problems = checkSpec(data, parsed.source, tables, perSectorTable, limits);
  if (problems.length > 0) return { diagnostics: problems };
  const table = isObject(data.data) && typeof data.data.name === 'string' ? data.data.name : '';
  const perSector = briefkitMeta(data).perSector === true;
  return { spec: { id, file, spec: data, source: parsed.source, table, perSector }, diagnostics: [] };
}

/** Reads every `*.vl.json` of a folder, sorted by name so charts come in a stable order. */
export async function readSpecFiles(
  chartsDir: string,
): Promise<{ files: { id: string; file: string; text?: string; diagnostic?: Diagnostic }[] }> {
  let names: string[];
  try {
    names = (await readdir(chartsDir)).filter((n) => n.endsWith(SPEC_SUFFIX)).sort();
  } catch {
    return {
      files: [
        {
          id: '',
          file: chartsDir,
          diagnostic: error('FILE_NOT_FOUND', 'the chart folder does not exist', { file: chartsDir }),
        },
      ],
    };
  }
  const files = await Promise.all(
    names.map(async (name) => {
      const file = join(chartsDir, name);
      const read = await readSpecBytes(file, CHART_LIMITS.specBytes);
      const decoded = read.bytes ? decodeUtf8(read.bytes, file) : { diagnostic: read.diagnostic };
      return {
        id: name.slice(0, -SPEC_SUFFIX.length),
        file,
        text: decoded.text,
        diagnostic: decoded.diagnostic,
      };
    }),
  );
  return { files };
}

/**
 * A spec's bytes, if it is a regular file within the budget: a FIFO or a device would block
 * the read, and a huge file would be parsed whole before any budget is checked.
 */
export async function readSpecBytes(
  file: string,
  maxBytes: number,
): Promise<{ bytes?: Uint8Array; diagnostic?: Diagnostic }> {
  const where = { file, line: 1, column: 1 };
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    // O_NONBLOCK: opening a FIFO with no writer would otherwise wait for one.
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = await handle.stat();
    if (!stat.isFile())
      return {
        diagnostic: error('CHART_SPEC_INVALID', 'a chart spec must be a regular file', {
          ...where,
          hint: 'replace it with a JSON file (not a pipe, device or folder)',
        }),
      };
    if (stat.size > maxBytes)
      return {
        diagnostic: error(
          'CHART_BUDGET',
          `the spec is ${formatCount(stat.size)} bytes; the budget is ${formatCount(maxBytes)}`,
          { ...where, hint: 'a spec names its data; it does not carry it' },
        ),
      };
    return { bytes: await handle.readFile() };
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return { diagnostic: error('FILE_NOT_FOUND', `the spec could not be read: ${reason}`, where) };
  } finally {
    await handle?.close();
  }
}
