// The layers of DESIGN.md ("Layout"), checked on every `npm test`: one room per job, and
// imports point down only, so the drift that issue 14 undid cannot come back unnoticed.
//
//   cli → the library entry (src/index.ts) → app → wizard / render / report / dashboard
//   (and the demo and sample data) → charts → scoring → evaluate → tables → policy → validation → io / i18n /
//   text (and errors.ts, package-root.ts)
//
// A room may import its own files and any room below it, never one above. Types count:
// `import type` from a room above is the same knowledge flowing the wrong way. Unit tests
// beside the code are outside the layers (they may build fixtures from anywhere) but not
// outside the cycle rule.
//
// There are no known violations: a new one fails `npm test`.

/** Top to bottom; a pattern per room, matched against paths such as `src/evaluate/x.ts`. */
const LAYERS = [
  { name: 'cli', rooms: ['src/cli(?:/|\\.ts$)'] },
  { name: 'entry', rooms: ['src/index\\.ts$'] },
  { name: 'app', rooms: ['src/app/'] },
  { name: 'publish', rooms: ['src/wizard/', 'src/render/', 'src/report/', 'src/dashboard/', 'src/demo/', 'src/sample-data/'] },
  { name: 'charts', rooms: ['src/charts/'] },
  { name: 'scoring', rooms: ['src/scoring/'] },
  { name: 'evaluate', rooms: ['src/evaluate/'] },
  { name: 'tables', rooms: ['src/tables/'] },
  { name: 'policy', rooms: ['src/policy/'] },
  { name: 'validation', rooms: ['src/validation/'] },
  { name: 'foundation', rooms: ['src/io/', 'src/i18n/', 'src/text/', 'src/errors\\.ts$', 'src/package-root\\.ts$'] },
];

const TEST = '\\.test\\.ts$';
const anyOf = (rooms) => `^(?:${rooms.join('|')})`;

/** Rooms of one level that may import each other; elsewhere a level's rooms stay apart. */
const SIBLINGS_ALLOWED = new Set(['foundation']);
/**
 * Imports across one level that the design intends: a notice is published through
 * render's Markdown → Word/HTML pipeline; the demo's data is made by the sample-data
 * generators.
 */
const SIDEWAYS = [
  { from: 'src/report/', to: 'src/render/' },
  { from: 'src/demo/', to: 'src/sample-data/' },
];

const upward = LAYERS.flatMap((layer, index) => {
  const above = LAYERS.slice(0, index).flatMap((l) => l.rooms);
  if (above.length === 0) return [];
  return [
    {
      name: `layer-${layer.name}-imports-up`,
      comment: `${layer.name} may not import a layer above it (${LAYERS.slice(0, index).map((l) => l.name).join(', ')}): arrows point down only (DESIGN.md, Layout)`,
      severity: 'error',
      from: { path: anyOf(layer.rooms), pathNot: TEST },
      to: { path: anyOf(above) },
    },
  ];
});

const sideways = LAYERS.filter((layer) => layer.rooms.length > 1 && !SIBLINGS_ALLOWED.has(layer.name)).flatMap((layer) =>
  layer.rooms.map((room) => {
    const allowed = SIDEWAYS.filter((s) => s.from === room).map((s) => s.to);
    const others = layer.rooms.filter((r) => r !== room && !allowed.includes(r));
    return {
      name: `layer-${layer.name}-sideways`,
      comment: `the rooms of the ${layer.name} layer stay apart: ${room} may not import ${others.join(', ')}`,
      severity: 'error',
      from: { path: anyOf([room]), pathNot: TEST },
      to: { path: anyOf(others) },
    };
  }),
);

export default {
  forbidden: [
    ...upward,
    ...sideways,
    {
      name: 'no-circular',
      comment: 'a cycle makes two rooms one; break it by moving what both need below both',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'src-not-to-tests-or-bench',
      comment: 'the package never depends on its tests, benchmarks or scripts',
      severity: 'error',
      from: { path: '^src/', pathNot: TEST },
      to: { path: '^(?:test|bench|scripts)/' },
    },
    {
      name: 'cli-libraries-only-in-cli',
      comment: 'commander and the prompt library belong to the command line: the library and the core must load without them',
      severity: 'error',
      from: { path: '^src/', pathNot: `^src/cli/|${TEST}` },
      to: { path: '(?:^|/)node_modules/(?:commander|@inquirer/[^/]+)/' },
    },
    {
      name: 'src-not-to-dev-dependencies',
      comment: 'what the package imports must be installed for its users: a devDependency is not',
      severity: 'error',
      from: { path: '^src/', pathNot: TEST },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'an import that resolves to nothing fails at run time',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(?:^|/)(?:dist|coverage)/' },
    // `import type` counts: the layers are about knowledge, not only about what loads.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
