// The server's build (`npm run build:api`, and `npm start` when the sources changed since): api/src and contract/
// bundled by esbuild into dist/server/api/src/server.js (plus a chunk for what is imported on demand, such as the
// S3 store), with the packages it uses bundled in, so a start reads a handful of files instead of ~2,000 modules
// (issue 17: module resolution and loading were ~4.5 s of the start). Packages with native code, WebAssembly or
// files of their own they find beside themselves stay external and load from node_modules as before.
// Each source file's `import.meta.url` is rewritten to the URL it would have had in the repository's layout
// (dist/server/api/src/<path>.js), so paths a module finds relative to itself land where they do from the
// sources: the data files it reads beside itself are copied there, and dist/server links to the folders
// modules find relative to their own location (web, migrations, licences, fixtures).
// Production then runs plain node on it: no TypeScript loader at start. Types are checked by `npm run typecheck`.
import fs from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'

const root = path.resolve(import.meta.dirname, '..', '..')
const src = path.join(root, 'api', 'src')
const dist = path.join(root, 'dist', 'server')
const out = path.join(dist, 'api', 'src')

// Native addons, WebAssembly and files read from the package's own folder: loaded from node_modules.
const EXTERNAL = [
  'sharp',
  '@node-rs/argon2',
  'pg',
  'pg-native',
  '@electric-sql/pglite',
  '@fastify/swagger',
  '@fastify/swagger-ui',
  'pino',
  'thread-stream',
  '@aws-sdk/*',
  'exiftool-vendored',
]

/** import.meta.url of a source file as it would be in dist/server (the layout tsc emitted before). */
const sourceUrls = {
  name: 'source-urls',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const rel = path.relative(root, args.path)
      if (rel.startsWith('..') || rel.startsWith('node_modules')) return undefined
      const text = await fs.promises.readFile(args.path, 'utf8')
      const emitted = path.relative(out, path.join(dist, rel.replace(/\.ts$/, '.js'))).split(path.sep).join('/')
      const url = `new URL(${JSON.stringify(emitted.startsWith('.') ? emitted : `./${emitted}`)}, import.meta.url).href`
      return { contents: text.replaceAll('import.meta.url', url), loader: 'ts' }
    })
  },
}

fs.rmSync(dist, { recursive: true, force: true })
const result = await build({
  absWorkingDir: root,
  entryPoints: [path.join(src, 'server.ts')],
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  sourcemap: true,
  // Beside the entry, so the import.meta.url rewrite (relative to the output's folder) holds for chunks too.
  chunkNames: '[name]-[hash]',
  legalComments: 'linked',
  logLevel: 'warning',
  metafile: true,
  plugins: [sourceUrls],
  // Bundled CommonJS packages call require() for node's own modules, and may ask for __dirname.
  banner: {
    js: [
      "import { createRequire as __ebCreateRequire } from 'node:module';",
      "import { fileURLToPath as __ebFileURLToPath } from 'node:url';",
      "import { dirname as __ebDirname } from 'node:path';",
      'const require = __ebCreateRequire(import.meta.url);',
      'const __filename = __ebFileURLToPath(import.meta.url);',
      'const __dirname = __ebDirname(__filename);',
    ].join('\n'),
  },
})

let copied = 0
const walk = (dir) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) walk(p)
    else if (!e.name.endsWith('.ts')) {
      const to = path.join(out, path.relative(src, p))
      fs.mkdirSync(path.dirname(to), { recursive: true })
      fs.copyFileSync(p, to)
      copied++
    }
  }
}
walk(src)
for (const dir of ['web', 'migrations', 'licences', 'fixtures']) fs.symlinkSync(path.join('..', '..', dir), path.join(dist, dir))
// Written last: its time says the build is complete (ensure-built.mjs compares it with the sources).
fs.writeFileSync(path.join(dist, 'BUILT'), `${new Date().toISOString()}\n`)
const inputs = Object.keys(result.metafile.inputs).length
console.log(`server built into dist/server (${inputs} modules bundled, ${copied} data files copied)`)
