/**
 * Outside tools the end-to-end tests run (LibreOffice, poppler, qpdf, chromium). A developer without
 * one gets a warning and the test skips; with CI set a missing tool fails the test file,
 * because CI installs them all (.ci/run) and a skip there would be a green run that
 * checked nothing.
 */
import { spawnSync } from 'node:child_process';

export const INSTALL: Record<string, string> = {
  soffice: 'apt-get install libreoffice-impress',
  pdftoppm: 'apt-get install poppler-utils',
  pdftotext: 'apt-get install poppler-utils',
  pdfinfo: 'apt-get install poppler-utils',
  qpdf: 'apt-get install qpdf',
  chromium: 'apt-get install chromium',
};

function onPath(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/**
 * Whether every named tool is installed. Missing ones: under CI this throws (the file fails
 * while it is collected, naming each tool); otherwise it warns and returns false (skip).
 */
export function endToEndTools(purpose: string, ...names: string[]): boolean {
  const missing = names.filter((name) => !onPath(name));
  if (missing.length === 0) return true;
  const lines = missing.map((name) => `${name} is not installed (${INSTALL[name] ?? 'install it'})`);
  if (process.env.CI)
    throw new Error(`${lines.join('; ')}: CI is set, so ${purpose} must run, not be skipped`);
  console.warn(`${lines.join('; ')}: ${purpose} skipped`);
  return false;
}
