/** Shared set-up for the media tests: the generated hostile corpus in a fresh temp dir, and output helpers. */
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { CASE_NAMES, type FixtureSet } from '../../../fixtures/generate.ts'
import { MediaError, type MediaProblem } from '../../../api/src/modules/media/index.ts'

export interface MediaFixtures {
  fx: FixtureSet
  dir: string
  /** A temp dir for outputs (exiftool reads files). */
  out: string
  cleanup(): Promise<void>
}

/**
 * generateFixtures(tmpdir), run in a child process: importing the media module blocks every libvips
 * loader but JPEG/PNG/WebP/TIFF in this process, and the generator reads back the GIFs it makes.
 */
export async function mediaFixtures(): Promise<MediaFixtures> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'eb-media-'))
  const target = path.join(dir, 'fixtures')
  await promisify(execFile)(process.execPath, ['--import', 'tsx', path.resolve('fixtures/generate.ts'), target], { timeout: 120_000 })
  const fx = Object.fromEntries(CASE_NAMES.map((name) => [name, path.join(target, name)])) as FixtureSet
  const out = path.join(dir, 'out')
  return { fx, dir, out, cleanup: () => rm(dir, { recursive: true, force: true }) }
}

export async function writeOut(out: string, name: string, bytes: Buffer): Promise<string> {
  const { mkdir } = await import('node:fs/promises')
  await mkdir(out, { recursive: true })
  const file = path.join(out, name)
  await writeFile(file, bytes)
  return file
}

/** The MediaError problem a promise rejects with (fails the test if it resolves or throws something else). */
export async function problemOf(promise: Promise<unknown>): Promise<MediaProblem> {
  try {
    await promise
  } catch (err) {
    if (err instanceof MediaError) return err.problem
    throw err
  }
  throw new Error('expected a MediaError, but it succeeded')
}

export const MAX_PIXELS = 100_000_000 // below the 144 MP bomb, far below sharp's own 268 MP default

export const RIGHTS = {
  creator: 'Fotograaf Één',
  credit: 'Eerlijk Beeld / Fotograaf Één',
  copyright: '© 2025 Fotograaf Één — alle rechten voorbehouden',
  licensorUrl: 'https://eerlijkbeeld.example/licenties/redactioneel-1.0',
  usageTerms: 'Alleen redactioneel gebruik; zie de licentie.',
  webStatement: 'https://eerlijkbeeld.example/foto/123/licentie',
}
