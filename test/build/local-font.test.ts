/**
 * A theme whose primary face is a font file next to the theme (`./fonts/…`), not in a package,
 * builds the briefing and the deck; the colophon credits each face as its font file's name
 * table says (copyright, designer, licence), the local one included (issue 12).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cli, makeProject, ROOT } from './project.js';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'local-font-theme');

describe('a local-font theme', () => {
  const dir = makeProject();
  cpSync(FIXTURE, join(dir, 'brand'), { recursive: true });
  writeFileSync(
    join(dir, 'briefkit.config.yaml'),
    [
      'datasets: [data/korea-emerging-tech.yaml]',
      'theme: brand/theme.yaml',
      'documents:',
      '  - { id: briefing, template: briefing.md.hbs, format: pdf, output: briefing.pdf }',
      '  - { id: deck, template: deck.md.hbs, format: pptx, output: deck.pptx }',
      '',
    ].join('\n'),
  );
  const run = cli(dir, ['build']);
  const briefing = join(dir, 'out', 'briefing.pdf');

  it('builds with exit 0 and embeds the local face, subset', () => {
    expect(run.status, run.stderr).toBe(0);
    const listing = execFileSync('pdffonts', [briefing], { encoding: 'utf8' });
    expect(listing).toMatch(/^[A-Z]{6}\+LiberationSans\s.* yes +yes +yes /m);
  });

  it('credits each face in the colophon from its font file', () => {
    const text = execFileSync('pdftotext', [briefing, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Typefaces. Liberation Sans: Copyright (c) 2007 Red Hat, Inc.');
    expect(text).toContain('Design: Steve Matteson.');
    expect(text).toContain('Pretendard: Copyright © 2023 Kil Hyung-jin.');
    expect(text).toContain('SIL Open Font License, Version 1.1');
    // A fallback the briefing never draws in is not credited.
    expect(text).not.toContain('Noto Sans Arabic:');
  });

  it('credits them in the deck too, in the last slide’s notes', () => {
    const parts = unzipSync(readFileSync(join(dir, 'out', 'deck.pptx')));
    const notes = Object.entries(parts)
      .filter(([name]) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name))
      .sort(([a], [b]) => Number(/(\d+)\.xml$/.exec(a)?.[1]) - Number(/(\d+)\.xml$/.exec(b)?.[1]))
      .map(([, bytes]) => strFromU8(bytes).replace(/<[^>]+>/g, ''));
    expect(notes.at(-1)).toContain('Typefaces:Liberation Sans: Copyright (c) 2007 Red Hat, Inc.');
    expect(notes.slice(0, -1).join('')).not.toContain('Typefaces:');
  });
});
