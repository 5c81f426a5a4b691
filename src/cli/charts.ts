/** `briefkit charts`: renders every chart to out/charts/<id>.svg and .png, through the build (cache, atomic publish). */
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
