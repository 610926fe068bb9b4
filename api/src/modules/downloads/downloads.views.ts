/** What a grant looks like to its organisation: the grant, its terms and attribution, and who the audit names. */
import { TOPIC_LABELS, USE_LABELS, type Topic, type Use } from '../../../../contract/vocabulary.ts'
import type { AuditActor } from '../audit/index.ts'
import type { Principal } from '../auth/index.ts'
import type { Permission } from '../gate/index.ts'
import type { attributions, Licence } from '../licences/index.ts'
import type { GrantRow } from './downloads.repo.ts'

const labelledUses = (uses: readonly Use[]) => uses.map((use) => ({ use, label: USE_LABELS[use] }))
const labelledTopics = (topics: readonly Topic[]) => topics.map((topic) => ({ topic, label: TOPIC_LABELS[topic] }))

/** The audit's actor for a download: the organisation for an API key, the journalist otherwise. */
export function actorOf(p: Principal): AuditActor {
  return p.via === 'apikey' ? { kind: 'organisation', id: p.organisationId } : { kind: 'user', id: p.userId }
}

export function termsOf(licence: Licence, permission: Permission) {
  return {
    licence: licence.id,
    version: licence.version,
    title: { ...licence.title },
    summary: { ...licence.summary },
    permittedUses: labelledUses(permission.uses),
    prohibitedContexts: { topics: labelledTopics(permission.excludedTopics), text: { ...licence.prohibitedContexts.text } },
    url: licence.deedUrl,
  }
}

export function grantView(g: GrantRow) {
  return {
    id: g.id,
    photoId: g.photoId,
    organisationId: g.organisationId,
    licence: g.licence,
    use: g.use,
    channel: g.channel,
    topic: g.topic,
    topicLiftedBy: g.topicLiftedBy,
    outlet: g.outlet,
    headline: g.headline,
    articleUrl: g.articleUrl,
    publicationUrl: g.publicationUrl,
    preset: g.preset,
    format: g.format,
    createdAt: g.createdAt.toISOString(),
  }
}

/** A grant's response without its signed link: what an Idempotency-Key keeps (the link is signed anew). */
export interface Granted {
  grant: ReturnType<typeof grantView>
  attribution: ReturnType<typeof attributions>
  captionNote: Licence['requirements']['captionNote']
  terms: ReturnType<typeof termsOf>
}

export function granted(grant: GrantRow, licence: Licence, permission: Permission, attribution: ReturnType<typeof attributions>): Granted {
  return { grant: grantView(grant), attribution, captionNote: { ...licence.requirements.captionNote }, terms: termsOf(licence, permission) }
}
