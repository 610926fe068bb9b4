/**
 * webhooks: takedown notices leaving the bank (DESIGN.md promise 4). Organisations' webhook endpoints,
 * the fan-out of every notice to its channels in the notice's own transaction, signed delivery from the
 * outbox (Standard Webhooks), the delivery log, e-mail where SMTP is configured, the acknowledgement.
 * Must never: notify an organisation that did not download the photo, put a name, pseudonym or e-mail
 * address in a payload or a log, store a secret unencrypted, or connect to a private or link-local address.
 */
export * as webhooksRepo from './webhooks.repo.ts'
export * as noticesRepo from './webhooks.notices.repo.ts'
export type { EndpointRow } from './webhooks.repo.ts'
export type { DeliveryRow, NoticeRow } from './webhooks.notices.repo.ts'
export { NOTICE_EVENTS, NOTICE_STATES } from './webhooks.events.ts'
export { NoticeStateValue } from './webhooks.schemas.ts'
export { NoticeService, WEBHOOK_JOB, EMAIL_JOB, noticeProblems, noticeView, type NoticeRaiser, type RaiseInput, type NoticeEvent } from './webhooks.notices.ts'
export { NoticeDelivery, payloadOf, noticeText } from './webhooks.delivery.ts'
export { WebhooksService, webhookProblems, MAX_ENDPOINTS } from './webhooks.service.ts'
export { webhooksRoutes, noticesAdminRoutes } from './webhooks.routes.ts'
export { sign, verify, newSecret, REPLAY_WINDOW_SECONDS, SECRET_PREFIX } from './webhooks.signing.ts'
export { refuseUrl, addressAllowed, type AddressPolicy } from './webhooks.address.ts'
