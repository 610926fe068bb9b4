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

export const CHANNEL_LABELS: Record<Channel, { nl: string; en: string }> = {
  print: { nl: 'print', en: 'print' },
  web: { nl: 'online', en: 'online' },
  social: { nl: 'sociale media', en: 'social media' },
  broadcast: { nl: 'televisie', en: 'broadcast' },
  exhibition: { nl: 'tentoonstelling', en: 'exhibition' },
  classroom: { nl: 'lesmateriaal', en: 'classroom' },
}

/**
 * Which stated uses a channel goes with (a download states both, and they must fit together before the
 * gate is asked about the use). Three channels ARE a use: a post on social media is the use 'social', a
 * wall in an exhibition the use 'exhibition', a lesson the use 'education'; so those channels take only that
 * use, and the use 'social' only the channel 'social' (otherwise "social" consent could be bypassed by
 * calling the post "web"). print, web and broadcast carry every other use: news (editorial), teaching
 * material, an exhibition's catalogue or website, and the uses that are off unless granted.
 */
export const CHANNEL_USES: Record<Channel, readonly Use[]> = {
  print: ['editorial', 'education', 'exhibition', 'advertising', 'political'],
  web: ['editorial', 'education', 'exhibition', 'advertising', 'political', 'ai-training'],
  broadcast: ['editorial', 'education', 'exhibition', 'advertising', 'political'],
  social: ['social'],
  exhibition: ['exhibition'],
  classroom: ['education'],
}

/** Whether a stated channel fits a stated use (CHANNEL_USES). */
export const channelFits = (use: Use, channel: Channel): boolean => CHANNEL_USES[channel].includes(use)
