/**
 * Through the CLI: a character the fonts cannot show stops the build before anything is
 * rendered, with exit 1 and the dataset and template positions (issue 10, item 1).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, editDataset, makeProject } from '../build/project.js';

/** The line of the first sector's name in the shipped dataset, where the bad character goes. */
const NAME_LINE =
  readFileSync('data/korea-emerging-tech.yaml', 'utf8')
    .split('\n')
    .indexOf('    name: Artificial intelligence') + 1;

describe('a missing glyph in a build', () => {
  it('exits 1 at the dataset and template line:column, and publishes nothing', () => {
    const dir = makeProject();
    editDataset(dir, '    name: Artificial intelligence\n', '    name: Artificial intelligence 🤖🛸\n');
    const sector = join(dir, 'templates', 'sector.md.hbs');
    const lines = readFileSync(sector, 'utf8').split('\n');
    writeFileSync(sector, `${lines.join('\n')}\nLaunch 🚀\n`);
    const run = cli(dir, ['build']);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(
        `data/korea-emerging-tech\\.yaml:${NAME_LINE}:35 +error TEXT_MISSING_GLYPH +sectors\\[0\\]\\.name: "🤖" \\(U\\+1F916\\), "🛸" \\(U\\+1F6F8\\) cannot be shown`,
      ),
    );
    expect(run.stderr).toMatch(
      new RegExp(
        `templates/sector\\.md\\.hbs:${lines.length + 1}:8 +error TEXT_MISSING_GLYPH +"🚀" \\(U\\+1F680\\)`,
      ),
    );
    expect(run.stderr).not.toContain('RENDER_FAILED');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

/**
 * The same check in `briefkit validate`, and on the text the charts draw (issue 12): a Linear B
 * letter (U+10000, in no face of the shipped stack) is an input error at its line, never tofu.
 */
describe('a character no face has, in validate and in the charts', () => {
  const LINEAR_B = '\u{10000}';

  it('fails validate and build at the dataset line:column', () => {
    const dir = makeProject();
    editDataset(
      dir,
      '    name: Artificial intelligence\n',
      `    name: Artificial intelligence ${LINEAR_B}\n`,
    );
    const at = new RegExp(
      `data/korea-emerging-tech\\.yaml:${NAME_LINE}:35 +error TEXT_MISSING_GLYPH +sectors\\[0\\]\\.name: "𐀀" \\(U\\+10000\\)`,
    );
    for (const args of [['validate'], ['validate', 'data/korea-emerging-tech.yaml'], ['build']]) {
      const run = cli(dir, args);
      expect(run.status, `${args.join(' ')}: ${run.stderr}`).toBe(1);
      expect(run.stderr).toMatch(at);
    }
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('fails validate and build at the chart spec line:column of a subtitle only the chart draws', () => {
    const dir = makeProject();
    const spec = join(dir, 'templates', 'charts', 'indicator-highlights.vl.json');
    const text = readFileSync(spec, 'utf8');
    const edited = text.replace('"As stated by the source"', `"As stated by the source ${LINEAR_B}"`);
    expect(edited).not.toBe(text);
    writeFileSync(spec, edited);
    const lines = edited.split('\n');
    const line = lines.findIndex((l) => l.includes(LINEAR_B));
    const column = (lines[line] ?? '').indexOf(LINEAR_B) + 1;
    const at = new RegExp(
      `templates/charts/indicator-highlights\\.vl\\.json:${line + 1}:${column} +error TEXT_MISSING_GLYPH +"𐀀" \\(U\\+10000\\)`,
    );
    for (const args of [['validate'], ['build']]) {
      const run = cli(dir, args);
      expect(run.status, `${args.join(' ')}: ${run.stderr}`).toBe(1);
      expect(run.stderr).toMatch(at);
    }
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
