/**
 * The companion evidence file (`variant: evidence`): the briefing's chart data and, under each
 * source it cites (numbered as in the briefing's sources list), the dataset's note on the source
 * and the sentences the briefing quotes from it; then the full typeface credits. It is laid out
 * from the same model as the briefing, so its numbers and quotes are the briefing's own.
 */

import { EVIDENCE_PREFIX } from '../../document/companion.js';
import type { Briefing } from '../../document/model.js';
import { appendixParts, evidenceParts } from './back-matter.js';
import { type Box, bodyStyle, placePrepared } from './blocks.js';
import { buildOutline } from './bookmarks.js';
import { prepareColophon } from './colophon.js';
import { type Ctx, newPage, placing } from './frame.js';
import { coverFields, putText } from './masthead.js';
import { drawRunningHeads } from './running.js';
import type { TextStyle } from './text.js';

/** The model the evidence file is titled by: its own title, the briefing's named in it. */
export function evidenceModel(model: Briefing): Briefing {
  const { meta } = model;
  return {
    ...model,
    meta: {
      ...meta,
      title: `${EVIDENCE_PREFIX}${meta.title}`,
      shortTitle: `${EVIDENCE_PREFIX}${meta.shortTitle}`,
      subject: `${EVIDENCE_PREFIX}${meta.subject}`,
    },
  };
}

export function layoutEvidence(ctx: Ctx): void {
  const { doc, type: t, model } = ctx;
  const box: Box = { x: ctx.geo.left, width: ctx.geo.right - ctx.geo.left };
  const root = doc.struct('Document');
  doc.addStructure(root);
  newPage(ctx);
  const fields = coverFields(model.meta);
  const titleStyle: TextStyle = { size: t.h1 * 1.3, colour: t.colours.accent, lineHeight: t.h1 * 1.3 * 1.2 };
  putText(ctx, root, 'H1', fields.title, titleStyle, { x: box.x, width: box.width, bold: true });
  ctx.y += 6;
  const intro = bodyStyle(ctx, t.body, t.colours.muted);
  putText(
    ctx,
    root,
    'P',
    `${fields.asOf}. This companion file gives the data behind each figure of the briefing and, ` +
      'under each source it cites, the sentences it quotes, word for word. ' +
      "Sources are numbered as in the briefing's sources list.",
    intro,
    { x: box.x, width: box.width },
  );
  ctx.pageEmpty = false;
  placing(ctx, { what: 'the chart-data appendix and the evidence' }, () => {
    const parts = [
      appendixParts(ctx, box, 'The data behind each figure'),
      evidenceParts(ctx, box, 'The sentences cited, by source'),
    ];
    for (const part of parts) {
      if (part.length === 0) continue;
      const section = doc.struct('Sect');
      root.add(section);
      placePrepared(part, section);
      ctx.y += t.h1;
    }
    const colophon = doc.struct('Sect');
    root.add(colophon);
    placePrepared([prepareColophon(ctx, box)], colophon);
  });
  ctx.tags.end();
  drawRunningHeads(ctx, 0);
  buildOutline(ctx);
}
