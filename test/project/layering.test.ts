/**
 * The layering rule `npm test` runs (`npm run deps`, .dependency-cruiser.cjs) refuses what it
 * says it refuses, shown on small trees that break each kind of rule (src/ itself is checked
 * by `npm run deps`).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const DEPCRUISE = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');

function cruise(cwd: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [DEPCRUISE, 'src', '--config', CONFIG, '--output-type', 'err'], {
    cwd,
    encoding: 'utf8',
    // CI sets FORCE_COLOR; the rule names are matched as plain text.
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping ANSI colour codes
  const plain = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');
  return { status: run.status, output: plain(`${run.stdout}${run.stderr}`) };
}

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefkit-layering-'));
  copyFileSync(join(ROOT, 'tsconfig.json'), join(dir, 'tsconfig.json'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('the dependency rule', () => {
  it('refuses an import up the layers, between renderers, and from a renderer into the chart stage', () => {
    const dir = tree({
      'src/document/format.ts': 'export const word = "over";\n',
      'src/derive/table.ts': "import { word } from '../document/format.js';\nexport const t = word;\n",
      'src/charts/types.ts': 'export type Chart = { id: string };\n',
      'src/render/pptx/wrap.ts': 'export const wrap = (s: string) => s;\n',
      'src/render/pdf/lines.ts':
        "import { wrap } from '../pptx/wrap.js';\nimport type { Chart } from '../../charts/types.js';\nexport const f = (c: Chart) => wrap(c.id);\n",
    });
    const { status, output } = cruise(dir);
    expect(status).not.toBe(0);
    expect(output).toContain('layer-derive: src/derive/table.ts → src/document/format.ts');
    expect(output).toContain('renderers-apart: src/render/pdf/lines.ts → src/render/pptx/wrap.ts');
    expect(output).toContain('renderers-read-the-model: src/render/pdf/lines.ts → src/charts/types.ts');
  }, 60_000);

  it('refuses a cycle between top-level folders', () => {
    const dir = tree({
      'src/pipeline/progress.ts':
        "import type { Io } from '../cli/io.js';\nexport const p = (io: Io) => io;\n",
      'src/cli/io.ts':
        "import { p } from '../pipeline/progress.js';\nexport type Io = { err(t: string): void };\nexport const q = p;\n",
    });
    const { status, output } = cruise(dir);
    expect(status).not.toBe(0);
    expect(output).toContain('no-folder-cycles');
    expect(output).toContain('layer-pipeline: src/pipeline/progress.ts → src/cli/io.ts');
  }, 60_000);
});
