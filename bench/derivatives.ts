/**
 * Benchmark: our derivative pipeline against the reference tools, plus peak memory.
 *
 *   npm run bench -- derivatives          (BENCH_RUNS=n to change the number of timed runs)
 *
 * For each fixture photo, and a 24-megapixel JPEG made from it (cached in bench/out/, git-ignored), the
 * median wall time of making the same 8 files (4 preset widths × JPEG q82 progressive + WebP q80):
 *   ours     renderDerivatives(file, { formats: ['jpeg','webp'] }) in this process, files written out
 *   vips     8 × `vipsthumbnail file -s WIDTHx -o out.jpg[Q=82,strip,interlace]` / `out.webp[Q=80,strip,effort=4]`
 *   magick   8 × `convert file -resize WIDTHx -strip -quality 82 [-interlace Plane] out.jpg|webp`
 * (`-s WIDTHx` / `-resize WIDTHx` fix the width as our presets do; a bare `-s WIDTH` would bound the
 * height of portrait photos instead.) Widths the photo is narrower than are skipped for all three.
 * Peak RSS is measured in a child process so nothing else in this one counts: inspectImage +
 * renderDerivatives on 50 photos of 24 MP one after another, once with glibc malloc's defaults and once
 * with MALLOC_ARENA_MAX=2. sharp's worker threads each get a malloc arena that keeps its high-water
 * mark (sharp docs, "Performance" → memory allocators); capping the arenas is the documented fix.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'
import { ENCODER, FULL_ENCODER, inspectImage, planSizes, renderDerivatives, renderFull, stampRights, type Rights } from '../api/src/modules/media/index.ts'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const ROOT = path.resolve(HERE, '..')
const PHOTOS = path.join(ROOT, 'fixtures/photos')
const OUT = path.join(HERE, 'out/derivatives')
const MAX_PIXELS = 100_000_000
const RIGHTS: Rights = { creator: 'Bench Fotograaf', credit: 'Eerlijk Beeld / Bench', copyright: '© Bench' }
const GOALS = { oursOverVips: 0.7, magickOverOurs: 5, peakRssMb: 400 }

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

function which(candidates: string[]): string | null {
  for (const c of candidates) {
    if (c.startsWith('/')) {
      if (existsSync(c)) return c
      continue
    }
    const r = spawnSync('sh', ['-c', `command -v ${c}`], { encoding: 'utf8' })
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim()
  }
  return null
}

function firstLine(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
      .split('\n')[0]!
      .trim()
  } catch {
    return 'unknown'
  }
}

function exec(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] })
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} failed: ${r.stderr?.toString().slice(0, 300)}`)
}

async function time(fn: () => Promise<void> | void, runs: number): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await fn()
    times.push(performance.now() - t)
  }
  return median(times)
}

/** A ~24 MP JPEG (quality 92, like a camera) made from a fixture photo with sharp; cached. */
async function make24mp(src: string): Promise<string> {
  const target = path.join(OUT, `${path.parse(src).name}-24mp.jpg`)
  if (existsSync(target)) return target
  const { width, height } = await sharp(src).metadata()
  const scale = Math.sqrt(24_000_000 / (width * height))
  await sharp(src)
    .resize(Math.round(width * scale), Math.round(height * scale))
    .jpeg({ quality: 92 })
    .toFile(target)
  return target
}

interface Row {
  name: string
  size: string
  files: number
  ours: number
  vips: number | null
  magick: number | null
}

async function benchPhoto(file: string, runs: { ours: number; tools: number }, tools: { vips: string | null; magick: string | null }): Promise<Row> {
  const meta = await sharp(file).metadata()
  const widths = planSizes(meta.autoOrient.width, meta.autoOrient.height).map((p) => p.width)
  const dir = path.join(OUT, 'run')
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })

  const ours = await time(async () => {
    const r = await renderDerivatives(file, { formats: ['jpeg', 'webp'], rights: RIGHTS, maxPixels: MAX_PIXELS })
    for (const d of r.derivatives) writeFileSync(path.join(dir, `ours-${d.preset}.${d.format}`), d.bytes)
  }, runs.ours)

  const q = ENCODER
  const vips = tools.vips
    ? await time(() => {
        for (const w of widths) {
          exec(tools.vips!, [file, '-s', `${w}x`, '-o', path.join(dir, `vips-${w}.jpg[Q=${q.jpeg.quality},strip,interlace]`)])
          exec(tools.vips!, [file, '-s', `${w}x`, '-o', path.join(dir, `vips-${w}.webp[Q=${q.webp.quality},strip,effort=${q.webp.effort}]`)])
        }
      }, runs.tools)
    : null

  const magick = tools.magick
    ? await time(
        () => {
          for (const w of widths) {
            const common = [file, '-resize', `${w}x`, '-strip']
            exec(tools.magick!, [...common, '-quality', String(q.jpeg.quality), '-interlace', 'Plane', path.join(dir, `magick-${w}.jpg`)])
            exec(tools.magick!, [...common, '-quality', String(q.webp.quality), '-define', `webp:method=${q.webp.effort}`, path.join(dir, `magick-${w}.webp`)])
          }
        },
        Math.max(1, Math.min(runs.tools, 3)),
      )
    : null

  return { name: path.basename(file), size: `${meta.width}×${meta.height}`, files: widths.length * 2, ours, vips, magick }
}

// ------------------------------------------------------------------------------------ peak RSS (child)

const CHILD_FLAG = '--peak-rss-child'

async function peakRssChild(files: string[]): Promise<void> {
  const baseline = process.resourceUsage().maxRSS
  for (let i = 0; i < 50; i++) {
    const file = files[i % files.length]!
    await inspectImage(file, { maxPixels: MAX_PIXELS })
    await renderDerivatives(file, { formats: ['jpeg', 'webp'], rights: RIGHTS, maxPixels: MAX_PIXELS })
  }
  // VmHWM (this address space's own high-water mark) as a cross-check of maxRSS.
  const hwmKb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0)
  process.stdout.write(JSON.stringify({ baselineKb: baseline, peakKb: process.resourceUsage().maxRSS, hwmKb }) + '\n')
}

interface Rss {
  baselineKb: number
  peakKb: number
  hwmKb: number
}

function measurePeakRss(files: string[], env: Record<string, string> = {}): Promise<Rss> {
  return new Promise((resolve, reject) => {
    // Through a small shell that forks node (`; exit` keeps sh from exec-ing it): Linux carries the
    // RSS high-water mark of the process that calls execve into ru_maxrss, and a direct spawn from this
    // process would start the child with our own peak (~300 MB) already counted.
    const node = [process.execPath, '--import', 'tsx', fileURLToPath(import.meta.url), CHILD_FLAG, ...files]
    const child = spawn('/bin/sh', ['-c', '"$@"; exit $?', 'sh', ...node], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`peak-RSS child exited with ${code}`))
      resolve(JSON.parse(out.trim().split('\n').pop()!))
    })
  })
}

// ------------------------------------------------------------------------------------------- report

const ms = (n: number | null) => (n === null ? '—' : `${n.toFixed(0)} ms`)
const pad = (s: string, n: number) => s.padEnd(n)
const lpad = (s: string, n: number) => s.padStart(n)

/** The rights a download carries (modules/photos/photos.rights.ts builds these from the grant). */
const GRANT_RIGHTS: Rights = {
  creator: 'Bench Fotograaf',
  credit: 'Bench Fotograaf / Eerlijk Beeld',
  copyright: '© 2026 Bench Fotograaf',
  usageTerms: { 'x-default': 'Alleen voor nieuws en achtergrond.', nl: 'Alleen voor nieuws en achtergrond.', en: 'For news and features only.' },
  webStatement: 'https://beeld.example/rights/grants/2d5c0c3e-6f7a-4c3e-9d35-2b8f0b5b2d11',
  licensorName: 'Eerlijk Beeld',
  licensorUrl: 'https://beeld.example/photos/8d3c3e0e-6f7a-4c3e-9d35-2b8f0b5b2d11',
  licenceUrl: 'https://beeld.example/licences/rsw-editorial/1.0',
  modelReleaseStatus: 'limited',
  description: { 'x-default': 'Een fietser op de brug', nl: 'Een fietser op de brug', en: 'A cyclist on the bridge' },
  altText: { 'x-default': 'Een fietser', nl: 'Een fietser', en: 'A cyclist' },
  keywords: ['fiets', 'brug'],
  instructions: 'Licentie 2d5c… voor Demo Redactie: gebruik editorial, kanaal web.',
  grant: {
    licensee: 'Demo Redactie',
    licenceId: '2d5c0c3e-6f7a-4c3e-9d35-2b8f0b5b2d11',
    grantedOn: '2026-12-06',
    validUntil: '2029-12-06',
    constraints: 'use: editorial; channel: web',
    licenceVersion: 'rsw-editorial 1.0',
  },
}

/**
 * Stamping a download (rewriting its metadata segments, modules/media/stamp.ts) against re-encoding it to
 * change its metadata (decode the same bytes, encode again with the rights). Per fixture photo: its
 * 'large' JPEG and WebP derivative, and its 'full' JPEG.
 */
async function stampVersusReencode(runs: number): Promise<void> {
  console.log('## Stamping a download vs re-encoding it\n')
  console.log('| photo | file | bytes | stamp ms | re-encode ms | re-encode / stamp |')
  console.log('|---|---|---:|---:|---:|---:|')
  let stampTotal = 0
  let encodeTotal = 0
  for (const name of readdirSync(PHOTOS)
    .filter((f) => /\.(jpe?g|png)$/.test(f))
    .sort()) {
    const file = path.join(PHOTOS, name)
    const rendered = await renderDerivatives(file, { formats: ['jpeg', 'webp'], rights: RIGHTS, maxPixels: MAX_PIXELS })
    const full = await renderFull(readFileSync(file), { format: 'jpeg', rights: RIGHTS, maxPixels: MAX_PIXELS })
    const largest = (format: string) => rendered.derivatives.filter((d) => d.format === format).sort((a, b) => b.width - a.width)[0]!
    const cases: [string, Buffer, 'jpeg' | 'webp', Record<string, unknown>][] = [
      [`${largest('jpeg').preset}.jpeg`, largest('jpeg').bytes, 'jpeg', ENCODER.jpeg],
      [`${largest('webp').preset}.webp`, largest('webp').bytes, 'webp', ENCODER.webp],
      ['full.jpeg', full.bytes, 'jpeg', FULL_ENCODER.jpeg],
    ]
    for (const [label, bytes, format, options] of cases) {
      const stamp = await time(() => void stampRights(bytes, format, GRANT_RIGHTS), runs * 4)
      const encode = await time(async () => {
        const img = sharp(bytes).withExif({ IFD0: { Artist: 'Bench Fotograaf', Copyright: '(c) 2026 Bench Fotograaf' } })
        await (format === 'jpeg' ? img.jpeg(options) : img.webp(options)).toBuffer()
      }, runs)
      stampTotal += stamp
      encodeTotal += encode
      console.log(`| ${name} | ${label} | ${bytes.length} | ${stamp.toFixed(2)} | ${encode.toFixed(1)} | ${(encode / stamp).toFixed(0)}× |`)
    }
  }
  console.log(
    `\nstamping a download costs ${((stampTotal / encodeTotal) * 100).toFixed(2)} % of re-encoding it (re-encode / stamp = ${(encodeTotal / stampTotal).toFixed(0)}×, summed medians)\n`,
  )
}

export async function run(): Promise<void> {
  mkdirSync(OUT, { recursive: true })
  await stampVersusReencode(Number(process.env.BENCH_RUNS ?? 5))
  // BENCH_ONLY=stamp: just the part above.
  if (process.env.BENCH_ONLY === 'stamp') return
  const runsOurs = Number(process.env.BENCH_RUNS ?? 5)
  const vips = which(['vipsthumbnail'])
  // /usr/bin/convert first: a wrapper script earlier on PATH would add its own start-up time.
  const magick = which(['magick', '/usr/bin/convert', 'convert'])

  console.log('# Derivatives benchmark\n')
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB RAM, ${os.platform()} ${os.release()}`,
  )
  console.log(
    `node ${process.version}; sharp ${sharp.versions.sharp} with libvips ${sharp.versions.vips}; sharp.concurrency() = ${sharp.concurrency()}; UV_THREADPOOL_SIZE = ${process.env.UV_THREADPOOL_SIZE ?? '4 (default)'}`,
  )
  if (vips) console.log(`vipsthumbnail: ${vips} (${firstLine(vips, ['--vips-version'])})`)
  else console.log('vipsthumbnail: NOT FOUND — install the Debian package `libvips-tools` (apt-get install -y libvips-tools); column skipped')
  if (magick) console.log(`ImageMagick: ${magick} (${firstLine(magick, ['-version'])})`)
  else console.log('ImageMagick: NOT FOUND — install the Debian package `imagemagick` (apt-get install -y imagemagick); column skipped')
  console.log(
    `encoders: JPEG q${ENCODER.jpeg.quality} progressive, WebP q${ENCODER.webp.quality} effort ${ENCODER.webp.effort}; median of ${runsOurs} runs (ImageMagick: ${Math.min(runsOurs, 3)})\n`,
  )

  const sources = readdirSync(PHOTOS)
    .filter((f) => /\.(jpe?g|png|webp|tiff?)$/i.test(f))
    .map((f) => path.join(PHOTOS, f))
  const big: string[] = []
  for (const s of sources) big.push(await make24mp(s))

  const rows: Row[] = []
  for (const file of [...sources, ...big]) {
    const row = await benchPhoto(file, { ours: runsOurs, tools: runsOurs }, { vips, magick })
    rows.push(row)
    process.stderr.write(`  done ${row.name}\n`)
  }

  const header = `| ${pad('photo', 30)} | ${pad('size', 11)} | files | ${lpad('ours', 8)} | ${lpad('vipsthumbnail', 13)} | ${lpad('ImageMagick', 11)} | ours/vips | magick/ours |`
  console.log(header)
  console.log(header.replace(/[^|]/g, '-'))
  for (const r of rows) {
    const ratioV = r.vips ? (r.ours / r.vips).toFixed(2) : '—'
    const ratioM = r.magick ? (r.magick / r.ours).toFixed(1) : '—'
    console.log(
      `| ${pad(r.name, 30)} | ${pad(r.size, 11)} | ${lpad(String(r.files), 5)} | ${lpad(ms(r.ours), 8)} | ${lpad(ms(r.vips), 13)} | ${lpad(ms(r.magick), 11)} | ${lpad(ratioV, 9)} | ${lpad(ratioM, 11)} |`,
    )
  }
  const sum = (pick: (r: Row) => number | null) => rows.reduce((a, r) => a + (pick(r) ?? 0), 0)
  const total = { ours: sum((r) => r.ours), vips: vips ? sum((r) => r.vips) : null, magick: magick ? sum((r) => r.magick) : null }
  console.log(
    `| ${pad('TOTAL', 30)} | ${pad('', 11)} | ${lpad('', 5)} | ${lpad(ms(total.ours), 8)} | ${lpad(ms(total.vips), 13)} | ${lpad(ms(total.magick), 11)} | ${lpad(total.vips ? (total.ours / total.vips).toFixed(2) : '—', 9)} | ${lpad(total.magick ? (total.magick / total.ours).toFixed(1) : '—', 11)} |`,
  )

  console.log('')
  const groups: [string, Row[]][] = [
    ['fixture photos', rows.filter((r) => !r.name.includes('-24mp'))],
    ['24 MP versions', rows.filter((r) => r.name.includes('-24mp'))],
  ]
  for (const [label, group] of groups) {
    const t = {
      ours: group.reduce((a, r) => a + r.ours, 0),
      vips: group.reduce((a, r) => a + (r.vips ?? 0), 0),
      magick: group.reduce((a, r) => a + (r.magick ?? 0), 0),
    }
    if (vips) {
      const worst = Math.max(...group.map((r) => r.ours / r.vips!))
      const ok = t.ours / t.vips <= GOALS.oursOverVips && worst <= GOALS.oursOverVips
      console.log(
        `goal ours ≤ ${GOALS.oursOverVips}× vipsthumbnail, ${pad(label + ':', 16)} total ${(t.ours / t.vips).toFixed(2)}×, worst photo ${worst.toFixed(2)}× → ${ok ? 'MET' : 'MISSED'}`,
      )
    }
    if (magick) {
      const worst = Math.min(...group.map((r) => r.magick! / r.ours))
      const ok = t.magick / t.ours >= GOALS.magickOverOurs && worst >= GOALS.magickOverOurs
      console.log(
        `goal ≥ ${GOALS.magickOverOurs}× faster than ImageMagick, ${pad(label + ':', 16)} total ${(t.magick / t.ours).toFixed(1)}×, worst photo ${worst.toFixed(1)}× → ${ok ? 'MET' : 'MISSED'}`,
      )
    }
  }

  const mb = (kb: number) => (kb / 1024).toFixed(0)
  console.log(`\npeak RSS (process.resourceUsage().maxRSS) of a child process running inspectImage + renderDerivatives on 50 × 24 MP photos in a row:`)
  const envs: [string, Record<string, string>][] = [
    ['default glibc malloc', {}],
    ['MALLOC_ARENA_MAX=2 (sharp docs, "Performance")', { MALLOC_ARENA_MAX: '2' }],
  ]
  for (const [label, env] of envs) {
    const rss = await measurePeakRss(big, env)
    const met = rss.peakKb / 1024 < GOALS.peakRssMb ? 'MET' : 'MISSED'
    console.log(
      `  ${pad(label, 48)} ${lpad(mb(rss.peakKb), 4)} MB (VmHWM ${mb(rss.hwmKb)} MB; after imports ${mb(rss.baselineKb)} MB) → goal < ${GOALS.peakRssMb} MB ${met}`,
    )
  }
}

if (process.argv[2] === CHILD_FLAG) {
  await peakRssChild(process.argv.slice(3))
}
