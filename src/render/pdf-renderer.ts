/**
 * Registry row for PDFs: Briefing model → PDF bytes (full briefing or one-pager), with its
 * page count. Owns the PDF options (`params`, the config's `pdf:` defaults) and the shaping
 * store kept between builds (render/pdf/shaping-store.ts).
 */
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { DiagnosticList } from '../diagnostics.js';
import { EVIDENCE_PREFIX } from '../document/companion.js';
import { CompanionFile } from './companion-file.js';
import { defineRenderer, type RendererSession } from './renderer.js';

/** Page objects in a PDF written by pdfkit (`/Type /Page`, not `/Pages`). */
export function countPages(bytes: Uint8Array): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return (text.match(/\/Type \/Page(?![s\w])/g) ?? []).length;
}

const Variant = z.enum(['briefing', 'one-pager', 'evidence']);
const PageSize = z.enum(['A4', 'LETTER']);

const PdfOptions = z.strictObject({
  variant: Variant,
  pageSize: PageSize,
  pdfa: z.boolean(),
  evidence: CompanionFile.optional(),
  briefing: CompanionFile.optional(),
});

/** Rough single-thread times once libraries are warm (ms), from this machine's measurements. */
const WARM_COST_MS = { briefing: 300, 'one-pager': 30, evidence: 150 } as const;

/** A shaping store larger than this is not read (it is a cache: shaping starts afresh). */
const MAX_STORE_BYTES = 64 * 1024 * 1024;

/** The shaping store: loaded by each thread before its first PDF, saved atomically after a build. */
const shapingSession: RendererSession = {
  folder: 'shaping',
  async open(setup) {
    if (!setup.file) return;
    try {
      // Only a regular file of a sane size: a named pipe or /dev/zero here would hang or fill memory.
      const info = await stat(setup.file);
      if (!info.isFile() || info.size > MAX_STORE_BYTES) return;
      const data: unknown = JSON.parse(await readFile(setup.file, 'utf8'));
      const [{ importShaping }, { parsedThemeFonts }] = await Promise.all([
        import('./pdf/shaping-store.js'),
        import('./pdf/document-fonts.js'),
      ]);
      importShaping(parsedThemeFonts(setup.theme, setup.fonts), data);
    } catch {
      // No store yet, or an unreadable one: shape from scratch.
    }
  },
  async persist(setup) {
    if (!setup.file) return;
    const [{ exportShaping }, { parsedThemeFonts }] = await Promise.all([
      import('./pdf/shaping-store.js'),
      import('./pdf/document-fonts.js'),
    ]);
    const text = JSON.stringify(exportShaping(parsedThemeFonts(setup.theme, setup.fonts)));
    try {
      await mkdir(dirname(setup.file), { recursive: true });
      await writeFile(`${setup.file}.tmp`, text);
      await rename(`${setup.file}.tmp`, setup.file);
    } catch {
      // A cache that cannot be written is not a failed build.
    }
  },
};

export const pdfRenderer = defineRenderer({
  format: 'pdf',
  extension: 'pdf',
  model: 'briefing',
  fanOut: true,
  params: z
    .strictObject({
      variant: Variant.optional().describe(
        "one-pager by default with `for: sectors`, else briefing; evidence: the briefing's companion file of chart data and quoted sentences",
      ),
      pageSize: PageSize.optional(),
      pdfa: z.boolean().optional(),
      evidence: CompanionFile.optional(),
      briefing: CompanionFile.optional().describe(
        "A one-pager's full briefing (a PDF file name relative to this document's output folder): its sources line says the full references are there.",
      ),
    })
    .default({}),
  defaults: z
    .strictObject({ pageSize: PageSize.default('A4'), pdfa: z.boolean().default(false) })
    .default({ pageSize: 'A4', pdfa: false }),
  options: PdfOptions,
  resolve: (params, defaults, fannedOut) => ({
    variant: params.variant ?? (fannedOut ? 'one-pager' : 'briefing'),
    pageSize: params.pageSize ?? defaults?.pageSize ?? 'A4',
    pdfa: params.pdfa ?? defaults?.pdfa ?? false,
    ...(params.evidence ? { evidence: params.evidence } : {}),
    ...(params.briefing ? { briefing: params.briefing } : {}),
  }),
  estimateMs: (options) => WARM_COST_MS[options.variant],
  session: shapingSession,
  indexEntry: (options) =>
    options.variant === 'evidence' ? { kind: 'Evidence and data', titlePrefix: EVIDENCE_PREFIX } : undefined,
  async render(model, context) {
    if (model.kind !== 'briefing')
      throw new Error(`the pdf renderer needs a briefing model, got a ${model.kind}`);
    const { renderBriefingPdf } = await import('./pdf/index.js');
    const diagnostics = new DiagnosticList();
    const bytes = await renderBriefingPdf(model, context.assets, context.theme, {
      ...context.options,
      date: context.date,
      fonts: context.fonts,
      diagnostics,
    });
    return { bytes, pages: countPages(bytes), diagnostics: diagnostics.items };
  },
});
