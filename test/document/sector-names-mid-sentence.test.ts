/**
 * Sector names mid-sentence (issue 13 leftover): the deck's influence-matrix title names the
 * sectors no channel reaches. The template lower-cased their first letter, right for "power
 * chips" and wrong for a proper noun ("kyushu"), an acronym read as a word or a name with an
 * inner capital. Now it prints a sector's `inSentence` when the dataset gives one, else its
 * short name or name as written.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/dataset/schema.js';
import { JAPAN, shippedModels } from './shipped-texts.js';
import { dataset } from './support.js';

let japan: Dataset;

beforeAll(async () => {
  japan = await dataset(JAPAN);
});

/** The matrix slide's title: the one sentence that names the sectors no channel is tied to. */
function matrixTitle(data: Dataset): string {
  const titles = shippedModels(data)
    .deck.slides.map((s) => s.title)
    .filter((t) => t.startsWith('In our reading, the sources tie no channel of influence to '));
  expect(titles).toHaveLength(1);
  return titles[0] ?? '';
}

/** The sectors no channel names, in dataset order (the ones the title lists). */
function unreached(data: Dataset): Dataset['sectors'] {
  const reached = new Set(data.channels.flatMap((c) => c.sectors));
  return data.sectors.filter((s) => !reached.has(s.id));
}

describe('the influence-matrix title', () => {
  it('names the Japan fixture’s unreached sectors as they read mid-sentence', () => {
    expect(matrixTitle(japan)).toMatch(
      /^In our reading, the sources tie no channel of influence to power chips, AI compute or Post-5G\b/,
    );
  });

  it('prints proper nouns and names with inner capitals as written, for any dataset', () => {
    const names = ['Kyushu', 'Post-5G', 'Hokkaido Rapidus'];
    const renamed = new Map(unreached(japan).map((s, i) => [s.id, names[i] ?? s.name]));
    expect(renamed.size).toBe(3);
    const data: Dataset = {
      ...japan,
      sectors: japan.sectors.map((s) => {
        const name = renamed.get(s.id);
        if (name === undefined) return s;
        const { inSentence: _inSentence, ...rest } = s;
        return { ...rest, shortName: name };
      }),
    };
    expect(matrixTitle(data)).toMatch(
      /^In our reading, the sources tie no channel of influence to Kyushu, Post-5G or Hokkaido Rapidus\b/,
    );
  });

  it('takes the name when a sector has no short name, and inSentence over both', () => {
    const [first, second] = unreached(japan).map((s) => s.id);
    const data: Dataset = {
      ...japan,
      sectors: japan.sectors.map((s) => {
        const { shortName: _shortName, inSentence: _inSentence, ...rest } = s;
        if (s.id === first) return { ...rest, name: 'Tohoku Silicon Valley' };
        if (s.id === second) return { ...rest, name: 'Cloud AI', inSentence: 'cloud AI' };
        return s;
      }),
    };
    expect(matrixTitle(data)).toMatch(
      /^In our reading, the sources tie no channel of influence to Tohoku Silicon Valley, cloud AI or /,
    );
  });
});
