/** Architecture rules (issue 12), checked by `npm run check:deps` in .ci/run. */
module.exports = {
  forbidden: [
    {
      name: 'no-module-cycles',
      comment: 'No import cycles (type-only imports excepted: they vanish at runtime). Module-level cycles show as cycles through index.ts once every cross-module import goes through it.',
      severity: 'error',
      from: { path: '^(api|web|contract)/' },
      to: { circular: true, dependencyTypesNot: ['type-only'], viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'module-internals',
      comment: 'Another module is reached only through its index.ts.',
      severity: 'error',
      from: { path: '^api/src/modules/([^/]+)/' },
      to: { path: '^api/src/modules/([^/]+)/.+', pathNot: ['^api/src/modules/$1/', '\\.table\\.ts$', '^api/src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'module-internals-tables',
      comment: 'Only a module\'s *.table.ts (for a foreign key) or a *.repo.ts (for a read-only join) may name another module\'s table; everything else asks the owner.',
      severity: 'error',
      from: { path: '^api/src/modules/([^/]+)/', pathNot: '\\.(table|repo)\\.ts$' },
      to: { path: '^api/src/modules/([^/]+)/[^/]+\\.table\\.ts$', pathNot: '^api/src/modules/$1/' },
    },
    {
      name: 'tables-only-in-repos',
      comment: 'The repository layer: only *.repo.ts files query tables (a *.table.ts may name another for a foreign key; db/ builds the schema barrel). Services, routes and the composition root ask a repository. Type-only imports (row types) are fine.',
      severity: 'error',
      from: { path: '^api/src/', pathNot: ['\\.(table|repo)\\.ts$', '^api/src/db/'] },
      to: { path: '^api/src/modules/[^/]+/[^/]+\\.table\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'queries-only-in-repos',
      comment: 'The query builder (eq, and, sql, …) is the repositories\' tool: a service that needs one is writing a query, and that belongs in its module\'s *.repo.ts. Types (SQL, SQLWrapper) are fine anywhere.',
      severity: 'error',
      from: { path: '^api/src/modules/', pathNot: '\\.(table|repo)\\.ts$' },
      to: { path: 'node_modules/drizzle-orm/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'web-not-api',
      comment: 'The gallery imports shared types from contract/, never api/src.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^api/' },
    },
    {
      name: 'platform-no-modules',
      comment: 'platform/ is infrastructure: it imports no feature module.',
      severity: 'error',
      from: { path: '^api/src/platform/' },
      to: { path: '^api/src/modules/' },
    },
    {
      name: 'contract-standalone',
      comment: 'contract/ is dependency-free: both sides import it, it imports neither.',
      severity: 'error',
      from: { path: '^contract/' },
      to: { path: '^(api|web)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
}
