/**
 * The index page's config: on by default (the baseline build has it), `index: false` builds
 * none and removes the previous one in the same publish, and no document may take its name.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefingProject, builtProject, cli } from '../build/project.js';

describe('index: in briefkit.config.yaml', () => {
  it('is on by default, and false removes out/index.html with the next build', () => {
    const dir = builtProject();
    expect(existsSync(join(dir, 'out', 'index.html'))).toBe(true);
    const config = join(dir, 'briefkit.config.yaml');
    writeFileSync(config, `${readFileSync(config, 'utf8')}\nindex: false\n`);
    const run = cli(dir, ['build']);
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(join(dir, 'out', 'index.html'))).toBe(false);
    expect(existsSync(join(dir, 'out', 'manifest.json'))).toBe(true);
  });

  it('reserves index.html: a document writing it is refused at its line', () => {
    const dir = briefingProject();
    const config = join(dir, 'briefkit.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('output: briefing.pdf', 'output: index.html'));
    const run = cli(dir, ['build']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/briefkit\.config\.yaml:\d+:\d+/);
    expect(run.stderr).toContain('a file name other than index.html');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
