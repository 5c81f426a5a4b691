/**
 * The layering of src/ (docs/architecture.md, "Layering"), checked by `npm run deps` as part of
 * `npm test`. A folder imports only folders of lower layers (and itself); the renderers read the
 * document model and its asset bag, never the stages before it, the pipeline or each other.
 * dependency-cruiser parses TypeScript with @swc/core: TypeScript 7 has no compiler API for it.
 */

/** Bottom to top; folders of one layer do not import each other. `index` is src/index.ts. */
const LAYERS = [
  ['text', 'diagnostics', 'version', 'adapters'],
  ['input'],
  ['dataset', 'theme'],
  ['derive'],
  ['document'],
  ['charts'],
  ['render'],
  ['pipeline'],
  ['cli'],
  ['bench', 'index'],
];

/** Modules of these top-level folders (or files: `diagnostics` is src/diagnostics.ts). */
const inFolders = (folders) => `^src/(${folders.join('|')})(/|\\.ts$)`;

const upward = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `layer-${layer.join('-')}`,
  comment: `${layer.join(', ')} may import only ${LAYERS.slice(0, i).flat().join(', ') || 'packages'}`,
  severity: 'error',
  from: { path: inFolders(layer) },
  to: { path: inFolders(LAYERS.slice(i + 1).flat()) },
}));

const sideways = LAYERS.filter((layer) => layer.length > 1).flatMap((layer) =>
  layer.map((folder) => ({
    name: `layer-${folder}-alone`,
    comment: `${folder} does not import the other folders of its layer (${layer.join(', ')})`,
    severity: 'error',
    from: { path: inFolders([folder]) },
    to: { path: inFolders(layer.filter((other) => other !== folder)) },
  })),
);

module.exports = {
  forbidden: [
    ...upward,
    ...sideways,
    {
      name: 'no-folder-cycles',
      comment: 'top-level folders of src/ do not import each other in a cycle',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/[^/]+/?$' },
      to: { circular: true },
    },
    {
      name: 'renderers-apart',
      comment: 'a renderer (src/render/<format>/) does not import another renderer',
      severity: 'error',
      from: { path: '^src/render/([^/]+)/' },
      to: { path: '^src/render/[^/]+/', pathNot: '^src/render/$1/' },
    },
    {
      name: 'renderers-read-the-model',
      comment:
        'renderers read the document model and its asset bag: not the chart stage, the derived tables, input files, the build or the CLI',
      severity: 'error',
      from: { path: '^src/render/' },
      to: { path: '^src/(charts|derive|input|pipeline|cli)/' },
    },
  ],
  options: {
    parser: 'swc',
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(?!src/)' },
  },
};
