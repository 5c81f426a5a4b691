/**
 * `briefkit charts`: renders every chart to out/charts/<id>.svg and .png, through the build
 * (cache, atomic publish). It is `--only charts`: no document may take the id `charts`
 * (config.ts), so this selects the charts and nothing else.
 */
import { runFullBuild } from './build-full.js';
import type { ExitCode } from './exit-codes.js';
import type { Io } from './io.js';

export function runCharts(configFile: string, io: Io, cwd: string): Promise<ExitCode> {
  return runFullBuild(
    { configFile, only: ['charts'], force: false, json: false, emitModel: false },
    io,
    cwd,
    process.env,
  );
}
