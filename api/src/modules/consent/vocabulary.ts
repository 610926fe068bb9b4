/**
 * The shared words of consent and licences (DESIGN.md, "Consent model"). Licences, consent records, the
 * gate and download requests all speak in these terms, so they can be intersected.
 */

/** What a photo may be used for. advertising, political and ai-training are off unless granted. */
export const USES = ['editorial', 'education', 'exhibition', 'social', 'advertising', 'political', 'ai-training'] as const
export type Use = (typeof USES)[number]
export const DEFAULT_USES: readonly Use[] = ['editorial', 'education', 'exhibition', 'social']

/** Topics a photo may be used to illustrate only when the person opted in. */
export const TOPICS = ['trafficking', 'crime', 'violence', 'health', 'victimhood', 'drugs', 'migration', 'politics'] as const
export type Topic = (typeof TOPICS)[number]
export const DEFAULT_EXCLUDED_TOPICS: readonly Topic[] = ['trafficking', 'crime', 'violence', 'health', 'victimhood']

/** Where a use happens (a download states one). */
export const CHANNELS = ['print', 'web', 'social', 'broadcast', 'exhibition', 'classroom'] as const
export type Channel = (typeof CHANNELS)[number]

export const USE_LABELS: Record<Use, { nl: string; en: string }> = {
  editorial: { nl: 'nieuws en achtergrond', en: 'news and features' },
  education: { nl: 'onderwijs en onderzoek', en: 'teaching and research' },
  exhibition: { nl: 'tentoonstellingen', en: 'exhibitions' },
  social: { nl: 'sociale media van media', en: "outlets' social media" },
  advertising: { nl: 'reclame', en: 'advertising' },
  political: { nl: 'politieke campagnes', en: 'political campaigns' },
  'ai-training': { nl: 'training van AI-modellen', en: 'training AI models' },
}

export const TOPIC_LABELS: Record<Topic, { nl: string; en: string }> = {
  trafficking: { nl: 'mensenhandel', en: 'trafficking' },
  crime: { nl: 'misdaad', en: 'crime' },
  violence: { nl: 'geweld', en: 'violence' },
  health: { nl: 'ziekte en gezondheid', en: 'illness and health' },
  victimhood: { nl: 'slachtofferschap', en: 'victimhood' },
  drugs: { nl: 'drugs', en: 'drugs' },
  migration: { nl: 'migratie', en: 'migration' },
  politics: { nl: 'politiek', en: 'politics' },
}
