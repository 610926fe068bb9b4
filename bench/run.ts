/**
 * Benchmark dispatcher: `npm run bench` runs every benchmark below; `npm run bench -- NAME` runs one.
 * Benchmarks print tables and are not tests: numbers depend on the machine.
 */
const BENCHES: Record<string, () => Promise<{ run: () => Promise<void> }>> = {
  derivatives: () => import('./derivatives.ts'),
  api: () => import('./api.ts'),
  search: () => import('./search.ts'),
  startup: () => import('./startup.ts'),
}

// Names are the arguments that are not options, nor an option's value (`--sizes 10k` as well as `--sizes=10k`).
const argv = process.argv.slice(2)
const wanted = argv.filter((a, i) => !a.startsWith('-') && !(i > 0 && /^--[^=]+$/.test(argv[i - 1]!) && !(a in BENCHES)))
const unknown = wanted.filter((name) => !(name in BENCHES))
if (unknown.length > 0) {
  console.error(`unknown benchmark: ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`)
  process.exit(2)
}
for (const name of wanted.length > 0 ? wanted : Object.keys(BENCHES)) {
  const bench = await BENCHES[name]!()
  await bench.run()
}
