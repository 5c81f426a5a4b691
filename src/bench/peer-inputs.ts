/**
 * The peer pipeline's inputs (peers.ts): the shipped project's deck and briefing templates
 * expanded over its dataset by briefkit's own template step, as Markdown (the deck, for
 * Marp: slides split by `---` as Marp splits them) and as HTML (the briefing, for Chromium
 * to print). Both sides of the comparison start from the same text.
 */
import { join } from 'node:path';
import { marked } from 'marked';
import { renderTemplate } from '../document/environment.js';
import { RenderState } from '../document/render-state.js';
import { templateContext } from '../document/template-data.js';
import { readTemplateSet } from '../document/template-files.js';
import { loadConfig } from '../pipeline/config.js';
import { loadInputs } from '../pipeline/prepare.js';
import { BuildSession } from '../pipeline/sessions.js';

export interface PeerInputs {
  deckMarkdown: string;
  briefingHtml: string;
}

export async function peerInputs(root: string): Promise<PeerInputs> {
  const config = (await loadConfig(join(root, 'briefkit.config.yaml'))).value;
  if (!config) throw new Error('the shipped briefkit.config.yaml does not validate');
  const inputs = await loadInputs(root, config, new BuildSession());
  if (!inputs.loaded) throw new Error('the shipped project does not load');
  const { dataset, charts } = inputs.loaded;
  const expand = (template: string): string => {
    const set = readTemplateSet(join(root, config.templates), template, root).set;
    if (!set) throw new Error(`the template ${template} does not read`);
    const state = new RenderState(dataset.sources, charts.catalogue, set.mainName, {
      asOf: dataset.meta.asOf,
    });
    const markdown = renderTemplate(set, templateContext(dataset, charts.catalogue, {}), state).markdown;
    if (markdown === undefined) throw new Error(`the template ${template} does not render`);
    return state.literals.resolve(markdown.text);
  };
  const briefing = await marked.parse(expand('briefing.md.hbs'));
  return {
    deckMarkdown: `---\nmarp: true\n---\n\n${expand('deck.md.hbs')}`,
    briefingHtml: `<!doctype html><meta charset="utf-8"><title>Briefing</title>\n${briefing}`,
  };
}
