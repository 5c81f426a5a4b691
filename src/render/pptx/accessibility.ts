/**
 * What PowerPoint's outline, its accessibility checker and screen readers read from the package,
 * mended after pptxgenjs: tables get a header-row flag and alt text, titles are title
 * placeholders that the layouts and the master hold too, and docProps/app.xml lists the fonts
 * the slides use and the slides' real titles (pptxgenjs writes Arial, Calibri and "Slide n").
 */
import { strFromU8, strToU8 } from 'fflate';
import { decodeEntities, escapeXml } from '../../text/xml.js';
import { TITLE_BOX } from './geometry.js';

const attr = (s: string) => escapeXml(s, { apostrophe: true }).replace(/"/g, '&quot;');

/** The text of a fragment's runs, paragraphs joined by spaces. */
function fragmentText(xml: string): string {
  return [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)]
    .map((p) =>
      [...(p[1] ?? '').matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decodeEntities(m[1] ?? '')).join(''),
    )
    .filter((t) => t.trim() !== '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const TITLE_PH = /<p:ph\b[^>]*\btype="title"[^>]*\/>/;
const SHAPES = /<p:sp>[\s\S]*?<\/p:sp>/g;

/** The slide's title: the text of its title placeholder ('' when it has none). */
export function slideTitle(slideXml: string): string {
  for (const m of slideXml.matchAll(SHAPES)) if (TITLE_PH.test(m[0])) return fragmentText(m[0]);
  return '';
}

/**
 * Title placeholders as PowerPoint writes them: `<p:ph type="title"/>` on the slide, its layout
 * and the master, so the slide's title inherits from the layout's and the layout's from the
 * master's (pptxgenjs numbers them idx 101, 102… with a custom prompt, and gives the master none).
 */
export function titlePlaceholders(xml: string): string {
  return xml.replace(SHAPES, (sp) => {
    if (!TITLE_PH.test(sp)) return sp;
    return sp
      .replace(TITLE_PH, '<p:ph type="title"/>')
      .replace(/(<p:cNvPr id="\d+" name=")[^"]*"/, '$1Title"');
  });
}

/** The master gets a title placeholder at the content slides' title box when it has none. */
export function masterTitlePlaceholder(
  xml: string,
  box: { x: number; y: number; cx: number; cy: number },
): string {
  if (TITLE_PH.test(xml)) return xml;
  const ids = [...xml.matchAll(/<p:cNvPr id="(\d+)"/g)].map((m) => Number(m[1]));
  const id = Math.max(1, ...ids) + 1;
  const sp =
    `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="Title"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>` +
    '<p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr>' +
    `<p:spPr><a:xfrm><a:off x="${box.x}" y="${box.y}"/><a:ext cx="${box.cx}" cy="${box.cy}"/></a:xfrm>` +
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>' +
    '<p:txBody><a:bodyPr anchor="b"/><a:lstStyle/><a:p><a:endParaRPr lang="en-US"/></a:p></p:txBody></p:sp>';
  return xml.replace(/(<p:spTree>[\s\S]*?<\/p:grpSpPr>)/, (tree: string) => `${tree}${sp}`);
}

/**
 * Each table's frame: the header-row and banded-row flags (the first row is drawn as a header,
 * and screen readers announce it as one), and alt text naming what the table shows, its
 * columns and its number of rows.
 */
export function accessibleTables(slideXml: string): string {
  const title = slideTitle(slideXml);
  return slideXml.replace(/<p:graphicFrame>[\s\S]*?<\/p:graphicFrame>/g, (frame) => {
    if (!frame.includes('drawingml/2006/table')) return frame;
    const rows = [...frame.matchAll(/<a:tr\b[\s\S]*?<\/a:tr>/g)].map((m) => m[0]);
    const header = [...(rows[0] ?? '').matchAll(/<a:tc\b[\s\S]*?<\/a:tc>/g)].map((m) => fragmentText(m[0]));
    const body = rows.length - 1;
    const descr = [
      title ? `Table: ${title}.` : 'Table.',
      header.length ? `Columns: ${header.join(', ')}.` : '',
      `${body} ${body === 1 ? 'row' : 'rows'}.`,
    ]
      .filter(Boolean)
      .join(' ');
    return frame
      .replace('<a:tblPr/>', '<a:tblPr firstRow="1" bandRow="1"/>')
      .replace(/(<p:cNvPr id="\d+" name="[^"]*")(\/?>)/, (_all, open: string, close: string) =>
        open.includes(' descr=') ? `${open}${close}` : `${open} descr="${attr(descr)}"${close}`,
      );
  });
}

/** Every typeface a set of parts names in a run or a default (latin, East Asian, complex, symbol). */
export function typefacesUsed(parts: readonly string[]): string[] {
  const faces = new Set<string>();
  for (const xml of parts)
    for (const m of xml.matchAll(/<a:(?:latin|ea|cs|sym) typeface="([^"]+)"/g)) {
      const face = decodeEntities(m[1] ?? '');
      // "+mj-lt" and friends point at the theme's fonts, which are named there in full.
      if (face !== '' && !face.startsWith('+')) faces.add(face);
    }
  return [...faces].sort();
}

/** docProps/app.xml with the fonts and slide titles the deck has. */
export function appProperties(xml: string, fonts: readonly string[], titles: readonly string[]): string {
  const lpstr = (s: string) => `<vt:lpstr>${escapeXml(s)}</vt:lpstr>`;
  const themes = [...xml.matchAll(/<vt:lpstr>([^<]*)<\/vt:lpstr>/g)]
    .map((m) => m[1] ?? '')
    .filter((s) => /theme/i.test(s) && s !== 'Theme' && s !== 'Fonts Used' && s !== 'Slide Titles');
  const theme = themes[0] ?? 'Office Theme';
  const named = titles.map((t, i) => t || `Slide ${i + 1}`);
  const heading =
    `<HeadingPairs><vt:vector size="6" baseType="variant">` +
    `<vt:variant><vt:lpstr>Fonts Used</vt:lpstr></vt:variant><vt:variant><vt:i4>${fonts.length}</vt:i4></vt:variant>` +
    '<vt:variant><vt:lpstr>Theme</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant>' +
    `<vt:variant><vt:lpstr>Slide Titles</vt:lpstr></vt:variant><vt:variant><vt:i4>${named.length}</vt:i4></vt:variant>` +
    '</vt:vector></HeadingPairs>';
  const parts =
    `<TitlesOfParts><vt:vector size="${fonts.length + 1 + named.length}" baseType="lpstr">` +
    [...fonts, theme, ...named].map(lpstr).join('') +
    '</vt:vector></TitlesOfParts>';
  // Replacer functions: a title with "$&" or "$'" in it is text, not a replacement pattern.
  return xml
    .replace(/<HeadingPairs>[\s\S]*?<\/HeadingPairs>/, () => heading)
    .replace(/<TitlesOfParts>[\s\S]*?<\/TitlesOfParts>/, () => parts);
}

const EMU = 914400;
const slideNumber = (name: string) => Number(/(\d+)\.xml$/.exec(name)?.[1] ?? 0);

/**
 * The package's parts (name → bytes, after the other normalisation) with the above applied:
 * tables and title placeholders on every slide, title placeholders on layouts and the master,
 * and app.xml's fonts and titles read from the finished slides.
 */
export function accessiblePackage(files: Record<string, Uint8Array>): Record<string, Uint8Array> {
  const out = { ...files };
  const read = (name: string) => strFromU8(out[name] as Uint8Array);
  const names = Object.keys(out);
  for (const name of names) {
    if (/^ppt\/slides\/slide\d+\.xml$/.test(name))
      out[name] = strToU8(titlePlaceholders(accessibleTables(read(name))));
    else if (/^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(name))
      out[name] = strToU8(titlePlaceholders(read(name)));
    else if (/^ppt\/slideMasters\/slideMaster\d+\.xml$/.test(name)) {
      const box = {
        x: Math.round(TITLE_BOX.x * EMU),
        y: Math.round(TITLE_BOX.y * EMU),
        cx: Math.round(TITLE_BOX.w * EMU),
        cy: Math.round(TITLE_BOX.h * EMU),
      };
      out[name] = strToU8(masterTitlePlaceholder(read(name), box));
    }
  }
  const slides = names
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => slideNumber(a) - slideNumber(b));
  const drawn = names.filter((n) =>
    /^ppt\/(slides|slideLayouts|slideMasters|notesSlides|charts)\/[^/]+\.xml$/.test(n),
  );
  if (out['docProps/app.xml']) {
    out['docProps/app.xml'] = strToU8(
      appProperties(
        read('docProps/app.xml'),
        typefacesUsed(drawn.map(read)),
        slides.map((n) => slideTitle(read(n))),
      ),
    );
  }
  return out;
}
