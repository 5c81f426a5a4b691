/**
 * The optional comparison of issue 18: the same project built by the peer pipeline, Marp (the
 * deck's Markdown to PDF and to PPTX) and Chromium (printing the briefing), beside briefkit's
 * cold build. Runs only when both peers are installed: `npm i --prefix DIR @marp-team/marp-cli`
 * with BENCH_PEERS_DIR=DIR (or `marp` on the PATH), and Debian's `chromium` (or BENCH_CHROMIUM).
 * The bench never installs them. The peers' inputs are the templates' Markdown as briefkit's
 * own templates expand it (peer-inputs.ts), so both sides start from the same text.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { peerInputs } from './peer-inputs.js';

export interface PeerComparison {
  /** Undefined when the comparison was skipped. */
  briefkitMs?: number;
  peersMs?: number;
  /** peers / briefkit: the target is ≥ 5. */
  ratio?: number;
  message: string;
}

function onPath(name: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  const path = found.stdout.trim();
  return found.status === 0 && path !== '' ? path : undefined;
}

function findMarp(): string | undefined {
  const dir = process.env.BENCH_PEERS_DIR;
  const local = dir ? join(dir, 'node_modules', '.bin', 'marp') : undefined;
  return local && existsSync(local) ? local : onPath('marp');
}

function findChromium(): string | undefined {
  const named = process.env.BENCH_CHROMIUM;
  if (named && existsSync(named)) return named;
  return onPath('chromium') ?? onPath('chromium-browser');
}

function timed(run: () => boolean): number | undefined {
  const started = process.hrtime.bigint();
  const ok = run();
  return ok ? Number(process.hrtime.bigint() - started) / 1e6 : undefined;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** `makeProject` copies the shipped project into a fresh folder (main.ts). */
export async function comparePeers(
  root: string,
  cli: string,
  runs: number,
  makeProject: () => string,
): Promise<PeerComparison> {
  const marp = findMarp();
  const chromium = findChromium();
  if (!marp || !chromium) {
    const missing = [
      ...(marp ? [] : ['marp (npm i --prefix DIR @marp-team/marp-cli, then BENCH_PEERS_DIR=DIR)']),
      ...(chromium ? [] : ['chromium (apt-get install chromium, or BENCH_CHROMIUM=path)']),
    ];
    return { message: `peer comparison (Marp + Chromium): skipped, not installed: ${missing.join('; ')}` };
  }
  const inputs = await peerInputs(root);
  const work = mkdtempSync(join(tmpdir(), 'briefkit-bench-peers-'));
  writeFileSync(join(work, 'deck.md'), inputs.deckMarkdown);
  writeFileSync(join(work, 'briefing.html'), inputs.briefingHtml);
  const quiet = { cwd: work, stdio: 'ignore' as const };
  const peerRun = () =>
    spawnSync(marp, ['--pdf', '--allow-local-files', 'deck.md', '-o', 'deck.pdf'], quiet).status === 0 &&
    spawnSync(marp, ['--pptx', '--allow-local-files', 'deck.md', '-o', 'deck.pptx'], quiet).status === 0 &&
    spawnSync(
      chromium,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        `--print-to-pdf=${join(work, 'briefing.pdf')}`,
        'briefing.html',
      ],
      quiet,
    ).status === 0;
  const briefkitRun = () => {
    const dir = makeProject();
    const ok = spawnSync(process.execPath, [cli, 'build'], { cwd: dir, stdio: 'ignore' }).status === 0;
    rmSync(dir, { recursive: true, force: true });
    return ok;
  };
  const peerTimes: number[] = [];
  const briefkitTimes: number[] = [];
  // Interleaved, so both sides see the same load.
  for (let i = 0; i < runs; i++) {
    const peer = timed(peerRun);
    const ours = timed(briefkitRun);
    if (peer === undefined || ours === undefined) {
      rmSync(work, { recursive: true, force: true });
      const who = peer === undefined ? 'the peer pipeline' : 'briefkit';
      return { message: `peer comparison (Marp + Chromium): FAILED (${who} exited non-zero)` };
    }
    peerTimes.push(peer);
    briefkitTimes.push(ours);
  }
  rmSync(work, { recursive: true, force: true });
  const peersMs = median(peerTimes);
  const briefkitMs = median(briefkitTimes);
  const ratio = peersMs / briefkitMs;
  const verdict = ratio >= 5 ? 'met' : 'not met';
  return {
    briefkitMs,
    peersMs,
    ratio,
    message: `peer comparison: Marp (PDF + PPTX) + Chromium ${Math.round(peersMs)} ms, briefkit cold build ${Math.round(briefkitMs)} ms: ${ratio.toFixed(2)}× faster (target ≥ 5×: ${verdict})`,
  };
}
