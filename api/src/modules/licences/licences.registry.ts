/**
 * The licence registry: every version under licences/<id>/<version>/, loaded and validated once at start.
 * A file that does not validate stops the start with an error that names it; nothing half-valid is served.
 * A licence is a frozen value: what was validated is what every caller sees.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Value from 'typebox/value'
import { DEFAULT_USES } from '../../../../contract/vocabulary.ts'
import { parseTemplate, placeholders, TemplateError } from './licences.attribution.ts'
import { canonicalJson, canonicalText, LICENCE_FILES, nfc, sha256, versionHash, type FileHashes, type LicenceFile } from './licences.hash.ts'
import { ATTRIBUTION_PLACEHOLDERS, CREDIT_PLACEHOLDERS, LICENCE_LANGS, LicenceSchema, type LicenceDocument, type LicenceLang } from './licences.schema.ts'
import { licenceRef } from '../../../../contract/licence-ref.ts'

export const LICENCES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../licences')

type DeepReadonly<T> = T extends (infer U)[] ? readonly DeepReadonly<U>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T

/** One licence version: the validated licence.json (without $schema), its texts, and its content hashes. */
export type Licence = DeepReadonly<
  Omit<LicenceDocument, '$schema'> & {
    /** The licence texts (Markdown), in canonical form. */
    text: Record<LicenceLang, string>
    /** SHA-256 of the version's canonical content (see licences.hash.ts). */
    sha256: string
    /** SHA-256 of each file's canonical content, to say which file changed. */
    files: FileHashes
  }
>

export interface LoadProblem {
  /** The file (or directory) at fault, as a path under the licences directory given to the loader. */
  file: string
  message: string
}

export class LicenceLoadError extends Error {
  constructor(readonly problems: LoadProblem[]) {
    super(`The licences could not be loaded:\n${problems.map((p) => `  ${p.file}: ${p.message}`).join('\n')}`)
    this.name = 'LicenceLoadError'
  }

  get files(): string[] {
    return [...new Set(this.problems.map((p) => p.file))]
  }
}

const byVersion = (a: string, b: string) => {
  const [am, an] = a.split('.').map(Number) as [number, number]
  const [bm, bn] = b.split('.').map(Number) as [number, number]
  return am - bm || an - bn
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v)
    Object.freeze(value)
  }
  return value
}

export class LicenceRegistry {
  readonly #byKey: ReadonlyMap<string, Licence>
  readonly #all: readonly Licence[]

  constructor(
    /** The directory the licences were loaded from. */
    readonly dir: string,
    licences: Licence[],
  ) {
    this.#all = Object.freeze([...licences].sort((a, b) => a.id.localeCompare(b.id) || byVersion(a.version, b.version)))
    this.#byKey = new Map(this.#all.map((l) => [licenceRef(l.id, l.version), l]))
  }

  /** Exactly this version, draft or published; undefined when there is none. */
  get(id: string, version: string): Licence | undefined {
    return this.#byKey.get(licenceRef(id, version))
  }

  /** Every version, drafts included, by id and then by version. */
  list(): readonly Licence[] {
    return this.#all
  }

  /** Every published version (the ones that are immutable and can be granted). */
  published(): readonly Licence[] {
    return this.#all.filter((l) => l.status === 'published')
  }

  /** The newest published version of a licence: what a new download is granted under. */
  current(id: string): Licence | undefined {
    return this.published().findLast((l) => l.id === id)
  }

  /**
   * The same registry as served from `origin` (PUBLIC_URL): the deed of each of our own licences is the
   * page this app serves (/licences/<id>/<version>), and the licensor URL is the app itself. The files
   * keep their launch URLs (a published version never changes; README.md); open licences keep their
   * creativecommons.org deeds. The hashes are those of the files.
   */
  servedFrom(origin: string): LicenceRegistry {
    return new LicenceRegistry(
      this.dir,
      this.#all.map((l) => servedLicence(l, origin)),
    )
  }

  /** Where a version's file lives (for messages). */
  fileOf(id: string, version: string, file: LicenceFile): string {
    return path.join(this.dir, id, version, file)
  }
}

/** Whether a licence is one of ours (for photos of people) or an open licence offered as it is. */
export const licenceKind = (l: Pick<Licence, 'kind'>): 'own' | 'open' => l.kind ?? 'own'

function servedLicence(l: Licence, origin: string): Licence {
  const licensor = { ...l.licensor, url: `${origin}/` }
  if (licenceKind(l) === 'open') return deepFreeze({ ...l, licensor }) as Licence
  return deepFreeze({ ...l, licensor, deedUrl: `${origin}/licences/${l.id}/${l.version}` }) as Licence
}

/**
 * Loads every version under `dir` (licences/<id>/<version>/{licence.json,text.nl.md,text.en.md}); throws a
 * LicenceLoadError naming every file at fault. Files at the top (README.md, licence.schema.json) are not
 * licences; dotfiles are ignored; anything else unexpected is refused, so that no file sits beside a
 * licence unhashed.
 */
export function loadLicences(dir: string = LICENCES_DIR): LicenceRegistry {
  const problems: LoadProblem[] = []
  const licences: Licence[] = []
  const visible = (d: string) => fs.readdirSync(d, { withFileTypes: true }).filter((e) => !e.name.startsWith('.'))
  let top: fs.Dirent[]
  try {
    top = visible(dir)
  } catch (err) {
    throw new LicenceLoadError([{ file: dir, message: `cannot read the licences directory (${(err as NodeJS.ErrnoException).code ?? String(err)})` }])
  }
  for (const idEntry of top.filter((e) => e.isDirectory())) {
    const idDir = path.join(dir, idEntry.name)
    for (const vEntry of visible(idDir)) {
      const vDir = path.join(idDir, vEntry.name)
      if (!vEntry.isDirectory()) {
        problems.push({ file: vDir, message: 'unexpected file: a licence directory holds only version directories (<id>/<version>/)' })
        continue
      }
      const loaded = loadVersion(vDir, idEntry.name, vEntry.name, problems)
      if (loaded) licences.push(loaded)
    }
  }
  if (problems.length === 0 && licences.length === 0) problems.push({ file: dir, message: 'no licences found (expected <id>/<version>/licence.json)' })
  if (problems.length) throw new LicenceLoadError(problems)
  return new LicenceRegistry(dir, licences)
}

function loadVersion(vDir: string, dirId: string, dirVersion: string, problems: LoadProblem[]): Licence | undefined {
  const before = problems.length
  const file = (f: string) => path.join(vDir, f)
  for (const e of fs.readdirSync(vDir, { withFileTypes: true })) {
    if (!e.name.startsWith('.') && !(LICENCE_FILES as readonly string[]).includes(e.name)) {
      problems.push({ file: file(e.name), message: `unexpected file: a version holds exactly ${LICENCE_FILES.join(', ')}` })
    }
  }
  const raw: Partial<Record<LicenceFile, string>> = {}
  for (const f of LICENCE_FILES) {
    try {
      raw[f] = fs.readFileSync(file(f), 'utf8')
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      problems.push({ file: file(f), message: code === 'ENOENT' ? 'missing' : `cannot be read (${code ?? String(err)})` })
    }
  }
  if (raw['licence.json'] === undefined || raw['text.nl.md'] === undefined || raw['text.en.md'] === undefined) return undefined

  const jsonFile = file('licence.json')
  let parsed: unknown
  try {
    parsed = JSON.parse(raw['licence.json'].replace(/^\uFEFF/, ''))
  } catch (err) {
    problems.push({ file: jsonFile, message: `not valid JSON: ${(err as Error).message}` })
    return undefined
  }
  const schemaErrors = [...Value.Errors(LicenceSchema, parsed)].filter((e) => e.keyword !== 'boolean')
  if (schemaErrors.length) {
    const seen = new Set<string>()
    for (const e of schemaErrors) {
      const params = e.params as { additionalProperties?: string[]; allowedValues?: unknown[] }
      const extra =
        e.keyword === 'additionalProperties'
          ? ` (${params.additionalProperties?.join(', ')})`
          : e.keyword === 'enum'
            ? `: ${params.allowedValues?.join(', ')}`
            : ''
      const message = `${e.instancePath || '(root)'}: ${e.message}${extra}`
      if (!seen.has(message)) problems.push({ file: jsonFile, message })
      seen.add(message)
    }
    return undefined
  }
  const { $schema: _, ...doc } = nfc(parsed as LicenceDocument)
  const fail = (message: string, f = jsonFile) => problems.push({ file: f, message })

  if (doc.id !== dirId) fail(`id "${doc.id}" does not match its directory "${dirId}"`)
  if (doc.version !== dirVersion) fail(`version "${doc.version}" does not match its directory "${dirVersion}"`)
  if (doc.kind === 'open') {
    // An open licence is what it is: its real deed, every use, no topic it may not illustrate.
    if (!/^https:\/\/creativecommons\.org\/(licenses|publicdomain)\/[a-z-]+\/[0-9.]+\/$/.test(doc.deedUrl))
      fail('deedUrl of an open licence must be its deed on https://creativecommons.org/')
    if (!doc.deedUrl.includes(`/${doc.version}/`)) fail(`deedUrl must point at this version (${doc.version})`)
    if (doc.prohibitedContexts.topics.length) fail('an open licence cannot exclude topics: that would add a restriction the licence does not allow')
  } else {
    if (!doc.deedUrl.endsWith(`/${doc.id}/${doc.version}`)) fail(`deedUrl must point at this version: end in /${doc.id}/${doc.version}`)
    const off = doc.permittedUses.filter((u) => !DEFAULT_USES.includes(u))
    // advertising, political and ai-training are off unless a person grants them (DESIGN.md, "Consent
    // model"); a licence that offered them by default would be a different kind of licence, so say so.
    if (off.length) fail(`permittedUses has ${off.join(', ')}, which no licence of this bank grants by default`)
  }
  for (const lang of LICENCE_LANGS) {
    checkTemplate(doc.attribution[lang], ATTRIBUTION_PLACEHOLDERS, `/attribution/${lang}`, fail, (p) => {
      for (const must of ['photographer', 'licence']) if (!p.required.includes(must)) fail(`/attribution/${lang}: must contain {${must}} outside [...]`)
      if (p.required.includes('title')) fail(`/attribution/${lang}: {title} must be inside an optional part [...], as not every photo has a title`)
    })
  }
  checkTemplate(doc.creditTemplate, CREDIT_PLACEHOLDERS, '/creditTemplate', fail, (p) => {
    if (!p.required.includes('photographer')) fail('/creditTemplate: must contain {photographer}')
  })
  const text = {} as Record<LicenceLang, string>
  for (const lang of LICENCE_LANGS) {
    const f: LicenceFile = `text.${lang}.md`
    text[lang] = canonicalText(raw[f]!)
    if (!/\S/.test(text[lang])) fail('empty', file(f))
  }
  if (problems.length > before) return undefined

  const files = {
    'licence.json': sha256(canonicalJson(doc)),
    'text.nl.md': sha256(text.nl),
    'text.en.md': sha256(text.en),
  } satisfies Record<LicenceFile, string>
  return deepFreeze({ ...doc, text, files, sha256: versionHash(files) }) as Licence
}

function checkTemplate(
  template: string,
  allowed: readonly string[],
  where: string,
  fail: (message: string) => void,
  then: (p: ReturnType<typeof placeholders>) => void,
) {
  try {
    then(placeholders(parseTemplate(template, allowed)))
  } catch (err) {
    if (!(err instanceof TemplateError)) throw err
    fail(`${where}: ${err.message}`)
  }
}
