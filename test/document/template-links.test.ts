/**
 * Templates and partials are read only inside the project (or briefkit's own templates/):
 * a partial that is a link to /etc/passwd is refused at its file, exit 1, and never printed.
 * A linked template is an input like any other: editing the file the link points to makes
 * the next build rebuild, and every template and partial a build reads is in the hashes the
 * no-op fast path compares.
 */
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  readFileSync,
  renameSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTemplateSet } from '../../src/document/template-files.js';
import { sha256 } from '../../src/pipeline/hash.js';
import { briefingProject, builtBriefingProject, CLI, EPOCH, ROOT, snapshot } from '../build/project.js';

const unix = process.platform !== 'win32';

function cliBuild(dir: string) {
  return spawnSync(process.execPath, [CLI, 'build', '--jobs', '1'], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', SOURCE_DATE_EPOCH: EPOCH },
    timeout: 120_000,
  });
}

describe('templates and partials stay inside the project', () => {
  it.runIf(unix)('a partial linked to /etc/passwd is refused at its file and never read', () => {
    const dir = briefingProject();
    symlinkSync('/etc/passwd', join(dir, 'templates', 'partials', 'leak.md.hbs'));
    const { set, diagnostics } = readTemplateSet(join(dir, 'templates'), 'briefing.md.hbs', dir);
    expect(set).toBeUndefined();
    expect(diagnostics).toEqual([
      {
        code: 'TEMPLATE_OUTSIDE_PROJECT',
        severity: 'error',
        message: 'this partial is a link that leads outside the project folder (/etc/passwd)',
        file: join('templates', 'partials', 'leak.md.hbs'),
        line: 1,
        column: 1,
        hint: 'briefkit reads templates only inside the project folder (the folder of briefkit.config.yaml); copy the file in instead of linking to it',
      },
    ]);
  });

  it.runIf(unix)('through the command line: exit 1, the file named, /etc/passwd not printed', () => {
    const dir = briefingProject();
    const template = join(dir, 'templates', 'briefing.md.hbs');
    appendFileSync(template, '\n{{> leak}}\n');
    symlinkSync('/etc/passwd', join(dir, 'templates', 'partials', 'leak.md.hbs'));
    const run = cliBuild(dir);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toContain('templates/partials/leak.md.hbs:1:1  error TEMPLATE_OUTSIDE_PROJECT');
    expect(run.stderr).not.toContain('root:');
  });

  it.runIf(unix)('a link inside the project, or into briefkit’s own templates, is read', () => {
    const dir = briefingProject();
    mkdirSync(join(dir, 'shared'));
    renameSync(join(dir, 'templates', 'partials', 'program.md.hbs'), join(dir, 'shared', 'program.md.hbs'));
    symlinkSync(join(dir, 'shared', 'program.md.hbs'), join(dir, 'templates', 'partials', 'program.md.hbs'));
    // test/build/project.ts links node_modules to the repository's: a link through it leads
    // outside the project, into the package's own templates/.
    symlinkSync(
      join(ROOT, 'templates', 'partials', 'target.md.hbs'),
      join(dir, 'templates', 'partials', 'own.md.hbs'),
    );
    const { set, diagnostics } = readTemplateSet(join(dir, 'templates'), 'briefing.md.hbs', dir);
    expect(diagnostics).toEqual([]);
    expect(set?.partials.get('program')?.text).toBe(
      readFileSync(join(dir, 'shared', 'program.md.hbs'), 'utf8'),
    );
    expect(set?.partials.has('own')).toBe(true);
  });
});

describe('linked templates are inputs of the cache', () => {
  it.runIf(unix)('editing the file a linked template or partial points to rebuilds', () => {
    // A built copy, not a cold build: the links below replace files of the same content, and
    // what is tested is the builds after them.
    const dir = builtBriefingProject();
    mkdirSync(join(dir, 'shared'));
    for (const file of ['briefing.md.hbs', 'partials/program.md.hbs']) {
      const shared = join(dir, 'shared', file.replace('/', '-'));
      cpSync(join(dir, 'templates', file), shared);
      renameSync(join(dir, 'templates', file), `${shared}.orig`);
      symlinkSync(shared, join(dir, 'templates', file));
    }
    expect(cliBuild(dir).status).toBe(0);
    expect(cliBuild(dir).stderr).toContain('everything is up to date');
    for (const file of ['briefing.md.hbs', 'partials-program.md.hbs']) {
      const before = snapshot(dir);
      appendFileSync(join(dir, 'shared', file), '\nEdited through the link.\n');
      const run = cliBuild(dir);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr, file).not.toContain('everything is up to date');
      expect(snapshot(dir).get('briefing.pdf'), file).not.toBe(before.get('briefing.pdf'));
    }
  });

  it.runIf(unix)('every template and partial read is hashed with the content read', () => {
    // A built copy: the added partial is a changed input, so the build below reads and hashes
    // the whole template set again without drawing the charts of a cold build.
    const dir = builtBriefingProject();
    symlinkSync(
      join(ROOT, 'templates', 'partials', 'target.md.hbs'),
      join(dir, 'templates', 'partials', 'own.md.hbs'),
    );
    expect(cliBuild(dir).status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8')) as {
      inputFiles: Record<string, string>;
    };
    const { files } = readTemplateSet(join(dir, 'templates'), 'briefing.md.hbs', dir);
    expect(files.length).toBeGreaterThan(4);
    for (const file of files) {
      const key = relative(dir, file).split('\\').join('/');
      expect(manifest.inputFiles[key], key).toBe(sha256(readFileSync(file)));
    }
  });
});

describe('control characters in a template', () => {
  it('are refused at their line and column', () => {
    const dir = briefingProject();
    writeFileSync(join(dir, 'templates', 'briefing.md.hbs'), '# Title\n\nSome \u001b[31mred text.\n');
    const { diagnostics } = readTemplateSet(join(dir, 'templates'), 'briefing.md.hbs', dir);
    expect(diagnostics).toMatchObject([
      {
        code: 'TEMPLATE_SYNTAX',
        message: 'the template holds the control character U+001B (ESC)',
        file: join('templates', 'briefing.md.hbs'),
        line: 3,
        column: 6,
      },
    ]);
  });
});
