/**
 * Through the CLI: a character the fonts cannot show stops the build before anything is
 * rendered, with exit 1 and the dataset and template positions (issue 10, item 1).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, editDataset, makeProject } from '../build/project.js';

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
      /data\/korea-emerging-tech\.yaml:67:35 +error TEXT_MISSING_GLYPH +sectors\[0\]\.name: "🤖" \(U\+1F916\), "🛸" \(U\+1F6F8\) cannot be shown/,
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
