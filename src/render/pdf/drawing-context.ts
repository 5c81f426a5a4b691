/** Builds the shared rendering context for one document. */
import type { DiagnosticSink } from '../../diagnostics.js';
import type { AssetBag, Briefing } from '../../document/model.js';
import type { Theme } from '../../theme/schema.js';
import { createDocument } from './document.js';
import type { ParsedFonts } from './document-fonts.js';
import { type Ctx, Tagger } from './frame.js';
import type { PageGeometry, Typography } from './style.js';

export interface ContextInput {
  model: Briefing;
  assets: AssetBag;
  theme: Theme;
  fonts: ParsedFonts;
  geo: PageGeometry;
  type: Typography;
  pdfa: boolean;
  date: Date;
  diagnostics?: DiagnosticSink;
}

export function createContext(input: ContextInput): Ctx {
  const doc = createDocument(input.model.meta, input.geo, input.fonts, {
    pdfa: input.pdfa,
    date: input.date,
  });
  return {
    doc,
    geo: input.geo,
    type: input.type,
    tags: new Tagger(doc),
    model: input.model,
    assets: input.assets,
    sources: new Map(input.model.sources.map((s) => [s.id, s])),
    diagnostics: input.diagnostics,
    y: input.geo.top,
    page: -1,
    pageEmpty: true,
    headings: [],
    chartsDrawn: 0,
    chartScale: 1,
    maxCharts: Number.POSITIVE_INFINITY,
    tables: 0,
    mastheadPages: new Set(),
    overflowed: new Set(),
  };
}
