/** The takedown notices' events and states (webhooks.table.ts types its columns with them; schemas list them). */
export const NOTICE_EVENTS = ['consent.withdrawn', 'consent.narrowed', 'consent.expiring', 'photo.takedown'] as const
export const NOTICE_STATES = ['queued', 'delivered', 'acknowledged'] as const
export type NoticeEvent = (typeof NOTICE_EVENTS)[number]
