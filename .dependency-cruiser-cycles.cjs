/**
 * Import cycles as they exist at run time (issue 12), checked by `npm run check:deps` next to the main rules.
 * A separate pass because dependency-cruiser reports one path per cycle: in the main graph (type-only imports
 * included, so the other rules see them) that path may run through a type-only import and be excused, while
 * a value-only path around the same cycle goes unreported. Here the graph is built from the compiled imports
 * (tsPreCompilationDeps: false), so type-only imports are not in it and every cycle left is a real one.
 */
const main = require('./.dependency-cruiser.cjs')

module.exports = {
  forbidden: [
    {
      name: 'no-runtime-cycles',
      comment: 'No module imports itself at run time through others; break a cycle by moving what sits in the wrong place, or pass a function in from runtime.ts.',
      severity: 'error',
      from: { path: '^(api|web|contract)/' },
      to: { circular: true },
    },
  ],
  options: { ...main.options, tsPreCompilationDeps: false },
}
