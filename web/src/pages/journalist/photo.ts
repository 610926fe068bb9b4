/** GET /v1/photos/:id and POST /v1/photos/:id/downloads as the gallery reads them. */
import type { Bilingual } from '../../api.ts'
import type { Preview } from '../../components/Picture.tsx'

export interface Words {
  nl: string
  en: string
}
export interface Attribution {
  text: string
  html: string
  markdown: string
}

/** The licence in plain words and the effective permission (downloads.schemas.ts, Terms). */
export interface Terms {
  licence: string
  version: string
  title: Words
  summary: Words
  permittedUses: { use: string; label: Words }[]
  prohibitedContexts: { topics: { topic: string; label: Words }[]; text: Words | null }
  url: string
}

export interface Photo {
  id: string
  status: string
  width: number
  height: number
  caption: Bilingual
  alt: Bilingual
  tags: string[]
  series: string | null
  credit: string
  capturedMonth: string | null
  placeCity: string | null
  thumbhash: string | null
  dominantColour: string | null
  licence: string
  attribution: { nl: Attribution; en: Attribution } | null
  publishedAt: string | null
  derivatives: (Preview & { bytes: number })[]
  /** The licence in plain words and its deed (null while the licence is unknown). */
  licenceSummary: Words | null
  licenceUrl: string | null
  /** The effective permission now (licence ∩ everyone's consent); null for an anonymous preview. */
  permittedUses: { use: string; label: Words }[] | null
  prohibitedContexts: { topics: { topic: string; label: Words }[]; text: Words | null } | null
  consentValidUntil: string | null
  /** The photographer declared that nobody is pictured (a place, an object). */
  noPeopleDeclared: boolean
}

export interface DownloadResponse {
  grant: { id: string; licence: string; use: string; channel: string; topic: string | null }
  url: string
  expiresAt: string
  attribution: { nl: Attribution; en: Attribution }
  captionNote: Words
  terms: Terms
}
