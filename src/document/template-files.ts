/**
 * The I/O edge of the document stage: reads a template and the partials in
 * `<templatesDir>/partials/`, and lists which files a template depends on (for the build cache).
 * Every file is read through the guard (src/input/read-file.ts), and only when its real path
 * (through every link) is inside the project or briefkit's own templates/: a partial linked
 * to /etc/passwd would otherwise be printed into the output.
 */
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { CONTROL_CHARACTER_HINT, firstControlCharacter } from '../dataset/control-characters.js';
import { type Diagnostic, error } from '../diagnostics.js';
import { NO_SUCH_FILE, readInputTextSync } from '../input/read-file.js';
import type { TemplateSet } from './environment.js';

const PARTIAL_SUFFIXES = ['.md.hbs', '.hbs'];

/** Partial name from a file name: `sources.md.hbs` → `sources`. */
export function partialName(file: string): string | undefined {
  const suffix = PARTIAL_SUFFIXES.find((s) => file.endsWith(s));
  return suffix ? file.slice(0, -suffix.length) : undefined;
}

/** briefkit's own templates/ (beside src/ and dist/): a project may link to them. */
const PACKAGE_TEMPLATES = fileURLToPath(new URL('../../templates', import.meta.url));

type TemplateKind = 'template' | 'partial';

function realOrAsGiven(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function isInside(folder: string, file: string): boolean {
  const rel = relative(folder, file);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/**
 * The diagnostic for a file whose real path is outside the project, the templates folder it was
 * named in (a library caller may keep templates anywhere) and briefkit's templates/.
 */
function linkedOutside(
  file: string,
  baseDir: string,
  kind: TemplateKind,
  templatesDir?: string,
): Diagnostic | undefined {
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    // Missing, or a broken link: the read names it.
    return undefined;
  }
  const roots = [baseDir, PACKAGE_TEMPLATES, ...(templatesDir ? [templatesDir] : [])];
  if (roots.some((root) => isInside(realOrAsGiven(root), real))) return undefined;
  const how = real === resolve(file) ? 'is' : 'is a link that leads';
  return error('TEMPLATE_OUTSIDE_PROJECT', `this ${kind} ${how} outside the project folder (${real})`, {
    file: displayName(file, baseDir),
    line: 1,
    column: 1,
    hint: 'briefkit reads templates only inside the project folder (the folder of briefkit.config.yaml); copy the file in instead of linking to it',
  });
}

function readText(
  file: string,
  baseDir: string,
  kind: TemplateKind = 'template',
  templatesDir?: string,
): { text?: string; diagnostic?: Diagnostic } {
  const outside = linkedOutside(file, baseDir, kind, templatesDir);
  if (outside) return { diagnostic: outside };
  // The guarded reader (src/input/read-file.ts): no FIFO, device or oversized file, and
  // FILE_NOT_UTF8 at the first bad byte rather than a read error.
  const read = readInputTextSync(file);
  if (read.text !== undefined) {
    const text = read.text.replace(/\r\n?/g, '\n');
    const control = controlCharacterAt(text, displayName(file, baseDir));
    return control ? { diagnostic: control } : { text };
  }
  const diagnostic = read.diagnostic && { ...read.diagnostic, file: displayName(file, baseDir) };
  if (diagnostic?.code === 'FILE_NOT_FOUND' && diagnostic.message === NO_SUCH_FILE) {
    return {
      diagnostic: {
        ...diagnostic,
        message: `no such ${kind}`,
        hint: 'check the template name and templates folder',
      },
    };
  }
  return { diagnostic };
}

/** A control character in a template's own text (the dataset's are refused by its schema), at its line:column. */
function controlCharacterAt(text: string, file: string): Diagnostic | undefined {
  const control = firstControlCharacter(text);
  if (!control) return undefined;
  const before = [...text]
    .slice(0, control.index - 1)
    .join('')
    .split('\n');
  return error('TEMPLATE_SYNTAX', `the template holds the control character ${control.described}`, {
    file,
    line: before.length,
    column: [...(before.at(-1) ?? '')].length + 1,
    hint: CONTROL_CHARACTER_HINT,
  });
}

/** A template's text by its display name (as positions name it), or undefined when unreadable. */
export function templateTextByName(name: string, baseDir: string = process.cwd()): string | undefined {
  return readText(resolve(baseDir, name), baseDir).text;
}

function partialFiles(templatesDir: string): { name: string; file: string }[] {
  const dir = join(templatesDir, 'partials');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const name = partialName(entry);
      return name ? [{ name, file: join(dir, entry) }] : [];
    });
}

/**
 * How a template file is named in positions and diagnostics: relative to the project
 * (by default the working directory) when inside it (`templates/briefing.md.hbs`: clickable,
 * and the same on every checkout, so models and their hashes are too), else as given.
 */
export function displayName(file: string, baseDir: string = process.cwd()): string {
  const rel = relative(baseDir, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

export interface ReadTemplates {
  set?: TemplateSet;
  /** Every file read (as read: through its link, if it is one), for the build's input hashes. */
  files: string[];
  diagnostics: Diagnostic[];
}

export function readTemplateSet(
  templatesDir: string,
  template: string,
  baseDir: string = process.cwd(),
): ReadTemplates {
  const mainFile = join(templatesDir, template);
  const mainName = displayName(mainFile, baseDir);
  const main = readText(mainFile, baseDir, 'template', templatesDir);
  const files = main.text === undefined ? [] : [mainFile];
  const diagnostics: Diagnostic[] = main.diagnostic ? [main.diagnostic] : [];
  const partials = new Map<string, { file: string; text: string }>();
  for (const { name, file } of partialFiles(templatesDir)) {
    const read = readText(file, baseDir, 'partial', templatesDir);
    if (read.text !== undefined) {
      partials.set(name, { file: displayName(file, baseDir), text: read.text });
      files.push(file);
    } else if (read.diagnostic) diagnostics.push(read.diagnostic);
  }
  if (main.text === undefined || diagnostics.length > 0) return { files, diagnostics };
  return { set: { mainName, main: main.text, partials }, files, diagnostics: [] };
}

/** Partial names a template text uses, found by Handlebars' own parser (not by pattern matching). */
export function partialsUsed(text: string): string[] | undefined {
  let ast: unknown;
  try {
    ast = Handlebars.parseWithoutProcessing(text);
  } catch {
    return undefined;
  }
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const n = node as { type?: unknown; name?: { type?: unknown; original?: unknown } };
    if (
      (n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') &&
      n.name?.type === 'PathExpression'
    ) {
      names.add(String(n.name.original));
    }
    for (const value of Object.values(node)) if (typeof value === 'object') visit(value);
  };
  visit(ast);
  return [...names];
}

/**
 * The files a document built from `templateName` reads: the template and every partial it
 * reaches. When a file cannot be parsed, all partials count (a safe over-approximation).
 */
export function templateDependencies(templatesDir: string, templateName: string): string[] {
  const main = join(templatesDir, templateName);
  const available = new Map(partialFiles(templatesDir).map((p) => [p.name, p.file]));
  const deps = new Set<string>([main]);
  const queue = [main];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    const text = readText(file, process.cwd(), file === main ? 'template' : 'partial', templatesDir).text;
    const used = text === undefined ? [] : partialsUsed(text);
    const names = used ?? [...available.keys()];
    for (const name of names) {
      const partial = available.get(name);
      if (partial && !deps.has(partial)) {
        deps.add(partial);
        queue.push(partial);
      }
    }
  }
  return [...deps].sort();
}
