/**
 * A licence reference: `<id>@<version>`, e.g. `rsw-editorial@1.0`. Photos, grants, files and the gallery
 * all carry it in this form; this is the one place that reads and writes it.
 */
export interface LicenceRef {
  id: string
  version: string
}

const REF = /^([a-z0-9-]+)@([0-9]+\.[0-9]+)$/
const BARE_ID = /^[a-z0-9-]+$/

/** `rsw-editorial@1.0` → `{ id, version }`; anything else (no version, extra parts, other characters) → null. */
export function parseLicenceRef(ref: string): LicenceRef | null {
  const m = REF.exec(ref)
  return m ? { id: m[1] as string, version: m[2] as string } : null
}

/** Like parseLicenceRef, but a bare id (`rsw-editorial`, "the current version") is also taken, with no version. */
export function parseLicenceId(ref: string): { id: string; version?: string } | null {
  if (BARE_ID.test(ref)) return { id: ref }
  return parseLicenceRef(ref)
}

export const licenceRef = (id: string, version: string): string => `${id}@${version}`
