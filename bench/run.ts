/**
 * Benchmark dispatcher: `npm run bench` runs every benchmark below; `npm run bench -- NAME` runs one.
 * Benchmarks print tables and are not tests: numbers depend on the machine.
 */
const BENCHES: Record<string, () => Promise<{ run: () => Promise<void> }>> = {
  derivatives: () => import('./derivatives.ts'),
  api: () => import('./api.ts'),
}

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'))
const unknown = wanted.filter((name) => !(name in BENCHES))
if (unknown.length > 0) {
  console.error(`unknown benchmark: ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`)
  process.exit(2)
}
for (const name of wanted.length > 0 ? wanted : Object.keys(BENCHES)) {
  const bench = await BENCHES[name]!()
  await bench.run()
}
