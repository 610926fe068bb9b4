import Type from 'typebox'
import { NOTICE_EVENTS, NOTICE_STATES } from './webhooks.events.ts'
import { DELIVERY_CHANNELS, DELIVERY_STATES } from './webhooks.repo.ts'

const Channel = Type.Enum(DELIVERY_CHANNELS)
const DeliveryState = Type.Enum(DELIVERY_STATES, {
  description: 'pending | waiting (e-mail without SMTP) | delivered | dead (gave up after three days) | cancelled',
})
/** queued: not yet delivered on any channel; delivered; acknowledged: the organisation confirmed the takedown. */
export const NoticeStateValue = Type.Enum(NOTICE_STATES)

const Uuid = Type.String({ format: 'uuid' })
const Iso = Type.String({ format: 'date-time' })
const Event = Type.Union(NOTICE_EVENTS.map((e) => Type.Literal(e)))

export const OrgQuery = Type.Object({ organisationId: Type.Optional(Uuid) }, { additionalProperties: false })
export const EndpointBody = Type.Object(
  {
    url: Type.String({ minLength: 8, maxLength: 2000, description: 'https only; never a private, loopback or link-local address' }),
    events: Type.Optional(Type.Array(Event, { minItems: 1, maxItems: NOTICE_EVENTS.length, uniqueItems: true, description: 'Default: every event' })),
    organisationId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
)
export const Endpoint = Type.Object({
  id: Uuid,
  organisationId: Uuid,
  url: Type.String(),
  events: Type.Array(Type.String()),
  enabled: Type.Boolean(),
  createdAt: Iso,
})
export const EndpointCreated = Type.Object({
  ...Endpoint.properties,
  secret: Type.String({ description: 'whsec_…: shown once. Verify the webhook-signature header with it (Standard Webhooks).' }),
})
export const EndpointList = Type.Object({ items: Type.Array(Endpoint) })
export const EndpointParams = Type.Object({ id: Uuid }, { additionalProperties: false })
export const NoticeParams = Type.Object({ noticeId: Uuid }, { additionalProperties: false })

export const DeliveriesQuery = Type.Object(
  {
    organisationId: Type.Optional(Uuid),
    endpointId: Type.Optional(Uuid),
    noticeId: Type.Optional(Uuid),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
)
export const DeliveryLog = Type.Object({
  items: Type.Array(
    Type.Object({
      noticeId: Uuid,
      eventId: Type.String({ description: 'The webhook-id header and payload id: the same on every retry' }),
      event: Type.String(),
      deliveryId: Uuid,
      channel: Channel,
      endpointId: Type.Union([Uuid, Type.Null()]),
      deliveryState: DeliveryState,
      attempt: Type.Integer(),
      statusCode: Type.Union([Type.Integer(), Type.Null()]),
      errorClass: Type.Union([Type.String(), Type.Null()]),
      durationMs: Type.Integer(),
      at: Iso,
    }),
  ),
})

const NoticeData = Type.Record(Type.String(), Type.Unknown())
export const Notice = Type.Object({
  id: Uuid,
  event: Type.String(),
  photoId: Uuid,
  state: NoticeStateValue,
  data: NoticeData,
  createdAt: Iso,
  deliveredAt: Type.Union([Iso, Type.Null()]),
  acknowledgedAt: Type.Union([Iso, Type.Null()]),
})
export const NoticeList = Type.Object({ items: Type.Array(Notice) })
export const NoticesQuery = Type.Object(
  { organisationId: Type.Optional(Uuid), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })) },
  { additionalProperties: false },
)
export const AdminNoticesQuery = Type.Object(
  {
    state: Type.Optional(NoticeStateValue),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
)
export const AdminDelivery = Type.Object({
  id: Uuid,
  channel: Channel,
  endpointId: Type.Union([Uuid, Type.Null()]),
  state: DeliveryState,
  attempts: Type.Integer(),
  lastResult: Type.Union([Type.String(), Type.Null()]),
  deliveredAt: Type.Union([Iso, Type.Null()]),
  retriedAt: Type.Union([Iso, Type.Null()], { description: 'When the admin last sent it on its way again.' }),
})
export const AdminNoticeList = Type.Object({
  items: Type.Array(
    Type.Object({
      ...Notice.properties,
      organisation: Type.Object({ id: Uuid, name: Type.String() }),
      deliveries: Type.Array(AdminDelivery),
    }),
  ),
})
export const DeliveryParams = Type.Object({ id: Uuid }, { additionalProperties: false })
