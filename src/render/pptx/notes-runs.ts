/**
 * Speaker notes in the stack's faces. pptxgenjs takes notes as one plain string and writes it as
 * one run with no typeface (the viewer's default font, tofu for a script it lacks) and its line
 * breaks inside the run's text. The package step (package.ts) rewrites that run: one paragraph
 * per line, each line split by script as slide text is (script-runs.ts), each piece naming its
 * face in the latin, ea or cs slot with its language, and a right-to-left line marked rtl.
 */

import { isRightToLeftParagraph } from '../../text/runs.js';
import { decodeEntities, escapeXml } from '../../text/xml.js';
import type { FontStack } from '../../theme/stack.js';
import { scriptPieces } from './script-runs.js';

/** The plain run pptxgenjs writes for notes text (`slide.addNotes`), in a paragraph of its own. */
const PLAIN_NOTES_PARAGRAPH =
  /<a:p><a:r><a:rPr lang="([^"]*)"( dirty="0")?\/><a:t>([^<]*)<\/a:t><\/a:r>(<a:endParaRPr\b[^>]*\/>)?<\/a:p>/g;

function pieceRun(text: string, fontFace: string, lang: string, dirty: string): string {
  const face = escapeXml(fontFace);
  const props = `<a:rPr lang="${escapeXml(lang)}"${dirty}><a:latin typeface="${face}"/><a:ea typeface="${face}"/><a:cs typeface="${face}"/></a:rPr>`;
  return `<a:r>${props}<a:t>${escapeXml(text)}</a:t></a:r>`;
}

function notesParagraph(line: string, stack: FontStack, lang: string, dirty: string, end: string): string {
  const pPr = isRightToLeftParagraph(line) ? '<a:pPr rtl="1"/>' : '';
  const runs =
    line === ''
      ? ''
      : scriptPieces(line, stack)
          .map((p) => pieceRun(p.text, p.fontFace, lang, dirty))
          .join('');
  return `<a:p>${pPr}${runs}${end}</a:p>`;
}

/**
 * A notes slide's plain notes runs → runs per script and face, one paragraph per line. The runs
 * carry script-runs.ts markers, which the package step resolves with the slides' (resolveRunFonts).
 */
export function notesFonts(xml: string, stack: FontStack): string {
  return xml.replace(
    PLAIN_NOTES_PARAGRAPH,
    (_all, lang: string, dirty: string | undefined, text: string, end: string | undefined) =>
      decodeEntities(text)
        .split(/\r\n?|\n/)
        .map((line) =>
          notesParagraph(line, stack, lang, dirty ?? '', end ?? `<a:endParaRPr lang="${lang}"/>`),
        )
        .join(''),
  );
}
