import { defineConfig } from 'vitest/config';

/**
 * Four projects. `e2e`: tests that run whole builds or spawn the compiled CLI (or LibreOffice,
 * poppler, qpdf, chromium); they need dist/, compiled once by the global setup. `e2e-isolated`:
 * the few e2e files that mock a module or register a renderer (E2E_ISOLATED below).
 * `documents`: the files that render or draw whole documents in one process, over the shipped
 * dataset, the Japan fixture, or generated and stress datasets (500-sector documents, every chart
 * of 30 generated datasets, one-pagers with 1 to 40 generated programmes, a table row taller
 * than a page): end-to-end checks of the document, chart and PDF stages and the slowest files
 * after the builds, which need no dist/ (`npm run test:documents`). `unit`: everything else, the suite to run after an edit
 * (`npm run test:unit`). `npm test` (and CI) runs all four.
 * test/project/test-projects.test.ts checks that every file that spawns the CLI or runs a
 * build is listed in E2E, so the split cannot drift.
 */
export const E2E = [
  'test/browser/**/*.test.ts',
  'test/build/**/*.test.ts',
  'test/cli/**/*.test.ts',
  'test/charts/budgets.test.ts',
  'test/charts/build-positions.test.ts',
  'test/charts/expressions.test.ts',
  'test/charts/native-check.test.ts',
  'test/dataset/cli-validate.test.ts',
  'test/document/glyphs-build.test.ts',
  'test/document/template-links.test.ts',
  'test/input/read-file.test.ts',
  'test/preview/**/*.test.ts',
  'test/project/layering.test.ts',
  'test/render/ci-run.test.ts',
  'test/render/html/**/*.test.ts',
  'test/render/pdf/raster.test.ts',
  'test/render/pdf/reproducible.test.ts',
  'test/render/pptx/scripts.test.ts',
  'test/render/pptx/embedded-fonts-office.test.ts',
  'test/render/pptx/libreoffice.test.ts',
  'test/render/scripts.test.ts',
  'test/render/tools.test.ts',
];

/**
 * The e2e files that change what every later file in their worker would import: a `vi.mock` of
 * a module (the renderer registry, node:fs/promises) or a renderer registered from outside src/
 * (which widens the config schema). They run in the `e2e-isolated` project, each file with its
 * own module graph; the other e2e files share one graph per worker (`isolate: false`), so each
 * worker imports the pipeline (vega, pdfkit, fontkit) once instead of once per file.
 */
export const E2E_ISOLATED = [
  'test/build/added-format.test.ts',
  'test/build/errors-publish-nothing.test.ts',
  'test/build/renderer-failure.test.ts',
  'test/build/write-errors.test.ts',
  'test/cli/merge-manifests.test.ts',
];

/**
 * Whole documents rendered in one process (no CLI, no build, no dist/): they share one module
 * graph and the charts test/support/charts.ts draws once per worker, as the unit files do.
 */
export const DOCUMENTS = [
  // The shipped briefing and deck of Korea and the Japan fixture, with and without analysis.
  'test/document/analysis-content.test.ts',
  // A briefing for each of 40 generated datasets.
  'test/document/figure-wording.property.test.ts',
  // Every one-pager of Korea, the Japan fixture and datasets with generated sector names.
  'test/document/sector-brief-own-sector.test.ts',
  // Every chart of a generated 90-row dataset, drawn in all its continued parts.
  'test/charts/continued.test.ts',
  'test/charts/generated.test.ts',
  'test/render/many-sectors.test.ts',
  // Rows taller than a page, a chart taller than a page.
  'test/render/pdf/bounds.test.ts',
  'test/render/pdf/one-pager-fit.test.ts',
  'test/render/pdf/one-pager-grid.test.ts',
  // Whole briefings of the Japan fixture and a generated nine-sector dataset, and 31 renders of
  // a table moved down the page.
  'test/render/pdf/page-flow.test.ts',
  'test/render/pdf/shipped.test.ts',
  // A 625-slide deck's notes, a crowded deck's boxes.
  'test/render/pptx/bounds.test.ts',
  // The shipped deck built again and again: twice, after others, in another time zone.
  'test/render/pptx/determinism.test.ts',
  // Whole decks of generated datasets.
  'test/render/pptx/fuzz.test.ts',
  'test/render/pptx/shipped.test.ts',
];

/** Both e2e projects' global setup; each step runs once per vitest run (test/support/once.ts). */
const E2E_SETUP = ['test/support/compile.ts', 'test/support/baseline.ts'];

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
        test: {
          ...shared,
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...E2E, ...DOCUMENTS],
          isolate: false,
        },
      },
      {
        // No isolation either (the unit project's reason): each worker imports vega, pdfkit and
        // fontkit once for all these files, instead of once per file as e2e does.
        test: { ...shared, ...e2eTimeouts, name: 'documents', include: DOCUMENTS, isolate: false },
      },
      {
        test: {
          ...shared,
          ...e2eTimeouts,
          name: 'e2e',
          include: E2E,
          exclude: E2E_ISOLATED,
          isolate: false,
          globalSetup: E2E_SETUP,
        },
      },
      {
        test: { ...shared, ...e2eTimeouts, name: 'e2e-isolated', include: E2E_ISOLATED, globalSetup: E2E_SETUP },
      },
    ],
  },
});
