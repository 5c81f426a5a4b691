/**
 * `npm run prepare`, after tsc: writes dist/code-stamp.json, the hash of every compiled file
 * (code-id.ts). Run from dist: node dist/pipeline/code-stamp-write.js.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODE_STAMP_URL } from './code-id.js';
import { sha256 } from './hash.js';

const stampFile = fileURLToPath(CODE_STAMP_URL);
const root = fileURLToPath(new URL('.', CODE_STAMP_URL));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return entry.isFile() && path !== stampFile && path.endsWith('.js') ? [path] : [];
  });
}

const lines = filesUnder(root)
  .map((file) => `${relative(root, file)}=${sha256(readFileSync(file))}`)
  .sort();
writeFileSync(stampFile, `${JSON.stringify({ sha256: sha256(lines.join('\n')), files: lines.length })}\n`);
