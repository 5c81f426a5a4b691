/**
 * The briefing (or one-pager) as one self-contained HTML file: cover header with the key
 * takeaways, the contents as nav, the sections in main, the sources as endnotes with back-links
 * in the footer, the typeface credits in a comment with the fonts. No script, no request to any host: fonts and charts are inline,
 * and the Content-Security-Policy forbids everything else.
 */
import { companionSentence } from '../../document/companion.js';
import type { AssetBag, Briefing, SourceEntry } from '../../document/model.js';
import type { BuildFonts } from '../../theme/build-fonts.js';
import { typefaceCredits } from '../../theme/credits.js';
import type { Theme } from '../../theme/schema.js';
import { blockHtml } from './blocks.js';
import { escapeHtml, safeHref, safeId } from './escape.js';
import type { FigureContext } from './figure.js';
import { embeddedFontCss, pageCharacters } from './fonts.js';
import { CitationMarks, inlineHtml, inlineText, sourceAnchor } from './inline.js';
import { directionOf } from './scripts.js';
import { stylesheet } from './style.js';

/** default-src 'none': no script, frame, connection or outside resource; styles inline; fonts and images data: only. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";

function sectionBlocks(section: Briefing['sections'][number]) {
  const [first, ...rest] = section.blocks;
  if (first?.type === 'heading' && first.level === 1 && inlineText(first.children) === section.title)
    return rest;
  return section.blocks;
}

function contents(model: Briefing): string {
  const items = model.sections.map((section) => {
    const subs = sectionBlocks(section)
      .filter((b) => b.type === 'heading' && b.level <= 2)
      .map((b) =>
        b.type === 'heading'
          ? `<li><a href="#${safeId(b.id)}">${escapeHtml(inlineText(b.children))}</a></li>`
          : '',
      )
      .join('');
    return `<li><a href="#${safeId(section.id)}">${escapeHtml(section.title)}</a>${subs ? `<ol>${subs}</ol>` : ''}</li>`;
  });
  if (model.sources.length > 0) items.push('<li><a href="#sources">Sources</a></li>');
  return `<nav aria-labelledby="contents-title"><h2 id="contents-title">Contents</h2><ol>${items.join('')}</ol></nav>`;
}

/**
 * A source's entry: the reference, the back-links to where it is cited and, when the evidence is
 * in this file (no companion), the dataset's note on the source and the sentences cited.
 */
function sourceHtml(source: SourceEntry, marks: CitationMarks, quotes: boolean): string {
  const parts: string[] = [];
  if (source.author) parts.push(`${escapeHtml(source.author)}. `);
  parts.push(`<cite>${escapeHtml(source.title)}</cite>`);
  const details = [source.publisher, source.date].filter(Boolean).join(', ');
  parts.push(details ? `. ${escapeHtml(details)}.` : '.');
  if (source.url) {
    const href = safeHref(source.url);
    parts.push(
      href ? ` <a href="${escapeHtml(href)}">${escapeHtml(source.url)}</a>` : ` ${escapeHtml(source.url)}`,
    );
  }
  // The dataset's note on the source is the writer's record: it goes with the evidence (here only
  // when this file holds it), not in the reader's reference.
  const note = quotes && source.note ? `<p class="note">${escapeHtml(source.note)}</p>` : '';
  const links = marks.backLinks(source.number).map((b) => `<a href="#${b.id}">${escapeHtml(b.section)}</a>`);
  const backs = links.length ? `<span class="back"> Cited in: ${links.join(', ')}.</span>` : '';
  const cited = quotes ? (source.quotes ?? []) : [];
  const evidence = cited.length
    ? `<details><summary>The sentences cited</summary>${cited.map((q) => `<p class="quote">${escapeHtml(q)}</p>`).join('')}</details>`
    : '';
  return `<li id="${sourceAnchor(source.number)}" value="${source.number}">${parts.join('')}${backs}${note}${evidence}</li>`;
}

/** The sources list's line naming the companion evidence file, linked beside this file. */
function companionHtml(model: Briefing, file: string): string {
  const data = model.sections.some((s) => s.blocks.some((b) => b.type === 'figure'));
  const quotes = model.sources.some((s) => (s.quotes?.length ?? 0) > 0);
  const sentence = companionSentence(data, quotes, file);
  if (sentence === undefined) return '';
  // The file name becomes a link beside this file; the sentence ends with it.
  const name = escapeHtml(file);
  return `<p class="note">${escapeHtml(sentence.slice(0, -file.length - 1))}<a href="${name}">${name}</a>.</p>`;
}

export interface HtmlContext {
  assets: AssetBag;
  theme: Theme;
  fonts: BuildFonts;
  date: Date;
  /** The companion evidence file beside this one (render/companion-file.ts), if the build writes one. */
  evidence?: string;
}

export async function renderBriefingHtml(model: Briefing, context: HtmlContext): Promise<string> {
  const { meta } = model;
  const marks = new CitationMarks(meta.language);
  const figures: FigureContext = {
    assets: context.assets,
    marks,
    sourceNumbers: new Map(model.sources.map((s) => [s.id, s.number])),
    model,
  };
  marks.section = 'Key takeaways';
  const takeaways = model.takeaways.length
    ? `<section class="takeaways" aria-labelledby="takeaways-title"><h2 id="takeaways-title">Key takeaways</h2><ul>${model.takeaways
        .map((t) => `<li>${inlineHtml(t, marks)}</li>`)
        .join('')}</ul></section>`
    : '';
  const header =
    `<header class="cover"><p class="masthead">${escapeHtml(meta.organisation ?? meta.author)}</p>` +
    `<h1>${escapeHtml(meta.title)}</h1>` +
    (meta.subtitle ? `<p class="subtitle">${escapeHtml(meta.subtitle)}</p>` : '') +
    `<p class="byline">Data as of <time datetime="${escapeHtml(meta.asOf)}">${escapeHtml(meta.asOfLabel)}</time></p>` +
    `<p class="byline">${escapeHtml(meta.author)}</p>${takeaways}</header>`;
  const sections = model.sections
    .map((section) => {
      const id = safeId(section.id);
      marks.section = section.title;
      const body = sectionBlocks(section)
        .map((block) => blockHtml(block, figures))
        .join('\n');
      return `<section aria-labelledby="${id}"><h2 id="${id}">${escapeHtml(section.title)}</h2>\n${body}</section>`;
    })
    .join('\n');
  const main = `<main id="main">\n${sections}\n</main>`;
  const sources = model.sources.length
    ? `<section aria-labelledby="sources"><h2 id="sources">Sources</h2>${context.evidence ? companionHtml(model, context.evidence) : ''}<ol class="sources">${model.sources
        .map((s) => sourceHtml(s, marks, !context.evidence))
        .join('\n')}</ol></section>`
    : '';
  const stack = context.fonts.stack(context.theme);
  const body =
    `<a class="skip" href="#main">Skip to the content</a>\n${header}\n${contents(model)}\n${main}\n` +
    `<footer>${sources}</footer>`;
  const characters = pageCharacters(body);
  // The page shows no font licence (the full credits are the evidence file's, as for the PDF):
  // each embedded face is credited, copyright and licence, in a comment beside its rules.
  const credits = typefaceCredits(stack, [characters], true);
  const fonts = await embeddedFontCss(stack, characters, (path) => context.fonts.read(path));
  const lang = escapeHtml(meta.language);
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}" dir="${directionOf(meta.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(meta.title)}</title>`,
    `<meta name="description" content="${escapeHtml(meta.subject)}">`,
    `<meta name="author" content="${escapeHtml(meta.author)}">`,
    '<meta name="generator" content="briefkit">',
    `<style>\n${cssComment(`Typefaces: ${credits.join('; ')}.`)}\n${fonts.css}\n${stylesheet(context.theme, fonts.families)}\n</style>`,
    '</head>',
    `<body>\n${body}\n</body>`,
    '</html>',
    '',
  ].join('\n');
}

/** Text as a CSS comment inside a <style> element: it can neither end the comment nor the element. */
function cssComment(text: string): string {
  return `/* ${text.replace(/\*\//g, '* /').replace(/</g, '‹')} */`;
}
