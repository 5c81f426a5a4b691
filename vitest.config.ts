import { defineConfig } from 'vitest/config';

/**
 * Two projects. `e2e`: tests that run whole builds or spawn the compiled CLI (or LibreOffice,
 * poppler, qpdf, chromium); they need dist/, compiled once by the global setup. Also here: the files that
 * render or draw whole documents over generated or stress datasets in one process (500-sector
 * documents, every chart of 30 generated datasets, one-pagers with 1 to 40 generated programmes),
 * a quarter to half a minute of CPU each: end-to-end checks of the document, chart and PDF stages. `unit`: everything else, the suite to run after an edit
 * (`npm run test:unit`). `npm test` (and CI) runs both.
 * test/project/test-projects.test.ts checks that every file that spawns the CLI or runs a
 * build is listed here, so the split cannot drift.
 */
export const E2E = [
  'test/browser/**/*.test.ts',
  'test/build/**/*.test.ts',
  'test/cli/**/*.test.ts',
  'test/charts/budgets.test.ts',
  // Every chart of a generated 90-row dataset, drawn in all its continued parts.
  'test/charts/continued.test.ts',
  'test/charts/build-positions.test.ts',
  'test/charts/expressions.test.ts',
  'test/charts/generated.test.ts',
  'test/charts/native-check.test.ts',
  'test/dataset/cli-validate.test.ts',
  'test/document/glyphs-build.test.ts',
  'test/document/template-links.test.ts',
  'test/input/read-file.test.ts',
  'test/preview/**/*.test.ts',
  'test/project/layering.test.ts',
  'test/render/ci-run.test.ts',
  'test/render/html/**/*.test.ts',
  'test/render/many-sectors.test.ts',
  'test/render/pdf/one-pager-fit.test.ts',
  // Whole briefings of the Japan fixture and a generated nine-sector dataset, and 31 renders of
  // a table moved down the page: the unit suite's longest file by far.
  'test/render/pdf/page-flow.test.ts',
  'test/render/pdf/raster.test.ts',
  'test/render/pdf/reproducible.test.ts',
  'test/render/pptx/scripts.test.ts',
  'test/render/pptx/embedded-fonts-office.test.ts',
  'test/render/pptx/libreoffice.test.ts',
  'test/render/scripts.test.ts',
  'test/render/tools.test.ts',
];

const shared = { testTimeout: 60_000, hookTimeout: 60_000 };
// Whole builds run several processes: on a shared 2-core machine one took 85 s. The timeout
// only stops a hang; it is never a speed check.
const e2eTimeouts = { testTimeout: 300_000, hookTimeout: 300_000 };

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: on the 2-core machine this suite
    // runs on, one worker, so the files ran one after another and a core sat idle. Two
    // workers; each unit worker imports the module graph once (isolate: false below).
    maxWorkers: 2,
    projects: [
      {
        // The unit files share one module graph per worker (`isolate: false`): vega, pdfkit and
        // fontkit are imported once per worker instead of once per file, about a third of the
        // suite's CPU time. Unit tests must therefore restore whatever global they touch.
        test: { ...shared, name: 'unit', include: ['test/**/*.test.ts'], exclude: E2E, isolate: false },
      },
      {
        test: { ...shared, ...e2eTimeouts, name: 'e2e', include: E2E, globalSetup: ['test/support/compile.ts', 'test/support/baseline.ts'] },
      },
    ],
  },
});
