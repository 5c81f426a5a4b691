/** The `--help` text. Kept beside the parser so both change together. */
export const USAGE = `briefkit: policy briefings (PDF) and decks (PowerPoint) from a validated dataset

Usage:
  briefkit build [--only ID…] [--force] [--jobs N] [--shard I/N] [--watch] [--json] [--emit model|provenance]
  briefkit validate [FILE…] [--json]
  briefkit charts
  briefkit schedule "<cron>"
  briefkit merge-manifests FILE…
  briefkit preview [--port N] [--host ADDRESS] [--jobs N]
  briefkit --help | --version

Commands:
  build       build every document of briefkit.config.yaml into out/ (only what changed)
  validate    check dataset files (default: the config's datasets); print every problem
  charts      render every chart to out/charts/<id>.svg and .png
  schedule    run builds on a cron schedule, one at a time, until interrupted
  merge-manifests  join the partial manifests of sharded builds into out/manifest.json
  preview     build, serve out/ at http://127.0.0.1:4173/, rebuild on change and reload the
              page; a failed build shows its problems in the page

Options:
  --config FILE  the configuration file; its folder is the project (default: briefkit.config.yaml)
  --only ID      build only the document(s) with this id (repeatable)
  --force        rebuild everything, ignoring the cache
  --jobs N       worker processes (default: number of CPU cores)
  --shard I/N    build the I-th of N deterministic shares of the documents
  --watch        rebuild what a change affects; keep running after a failed build
  --json         machine-readable output
  --emit model   write each document's model as JSON to .briefkit/<out>/models/<id>.model.json
                 instead of rendering; out/ is not changed
  --emit provenance  also write out/provenance.json: every figure of the dataset, its
                 citations and where each output prints it (page, slide)
  --port N       preview: the port (default 4173; 0: any free port)
  --host ADDRESS preview: the address to listen on (default 127.0.0.1, this machine only);
                 another address lets anyone who can reach it read out/

Examples:
  briefkit validate data/my-dataset.yaml
  briefkit build --only briefing --force
  briefkit build --shard 1/4 --json
  briefkit schedule "0 6 * * 1-5"
  briefkit preview --port 0

Exit codes: 0 success, 1 invalid input (dataset, template or config), 2 wrong usage, 3 other failure.
`;
