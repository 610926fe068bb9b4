/** Real copies of licences/ in temp dirs, for the tests that break, change or add versions. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { LICENCES_DIR } from '../../../api/src/modules/licences/index.ts'

export interface LicenceDir {
  dir: string
  /** Absolute path of a file under the copy ('rsw-editorial/1.0/text.nl.md'). */
  file(rel: string): string
  read(rel: string): string
  write(rel: string, text: string): void
  edit(rel: string, change: (text: string) => string): void
  /** Edits licence.json as a value (and writes it back pretty-printed). */
  editJson(rel: string, change: (doc: Record<string, any>) => void): void
  /** Copies one version to a new version number, with id/version/deedUrl and the texts' headings updated. */
  addVersion(id: string, from: string, to: string, status?: 'draft' | 'published'): void
  cleanup(): void
}

export function copyLicences(): LicenceDir {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'eb-licences-')), 'licences')
  // Our own licences only: the open ones (cc*) load and hash the same way, and would only lengthen every list here.
  fs.cpSync(LICENCES_DIR, dir, { recursive: true, filter: (src) => !/^cc/.test(path.relative(LICENCES_DIR, src).split(path.sep)[0] ?? '') })
  const file = (rel: string) => path.join(dir, rel)
  const read = (rel: string) => fs.readFileSync(file(rel), 'utf8')
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(file(rel)), { recursive: true })
    fs.writeFileSync(file(rel), text)
  }
  const editJson = (rel: string, change: (doc: Record<string, any>) => void) => {
    const doc = JSON.parse(read(rel))
    change(doc)
    write(rel, `${JSON.stringify(doc, null, 2)}\n`)
  }
  return {
    dir,
    file,
    read,
    write,
    edit: (rel, change) => write(rel, change(read(rel))),
    editJson,
    addVersion(id, from, to, status = 'published') {
      fs.cpSync(file(`${id}/${from}`), file(`${id}/${to}`), { recursive: true })
      editJson(`${id}/${to}/licence.json`, (doc) => {
        doc.version = to
        doc.status = status
        doc.deedUrl = doc.deedUrl.replace(`/${from}`, `/${to}`)
      })
      for (const lang of ['nl', 'en']) write(`${id}/${to}/text.${lang}.md`, read(`${id}/${to}/text.${lang}.md`).replaceAll(from, to))
    },
    cleanup: () => fs.rmSync(path.dirname(dir), { recursive: true, force: true }),
  }
}
