import Type from 'typebox'

const Id = Type.String({ format: 'uuid' })
const When = Type.String({ format: 'date-time' })
const Nullable = <T extends Type.TSchema>(t: T) => Type.Union([t, Type.Null()])
const Email = Type.String({ minLength: 3, maxLength: 320 })
const MemberRole = Type.Union([Type.Literal('member'), Type.Literal('manager')], {
  description: 'A manager may create and revoke the organisation’s API keys.',
})

export const OrgParams = Type.Object({ id: Id }, { additionalProperties: false })
export const KeyParams = Type.Object({ id: Id, keyId: Id }, { additionalProperties: false })
export const MemberParams = Type.Object({ id: Id, userId: Id }, { additionalProperties: false })

export const CreateOrgBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    noticeEmail: Type.Optional(Nullable(Email)),
    enable: Type.Optional(Type.Boolean({ description: 'Enable (vet) it at once.' })),
  },
  { additionalProperties: false },
)
export const PatchOrgBody = Type.Object(
  { name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), noticeEmail: Type.Optional(Nullable(Email)) },
  { additionalProperties: false, minProperties: 1 },
)

export const Organisation = Type.Object({
  id: Id,
  name: Type.String(),
  enabled: Type.Boolean({ description: 'Vetted by the admin: only then do its keys and journalists act for it.' }),
  enabledAt: Nullable(When),
  createdAt: When,
  noticeEmail: Nullable(Type.String({ description: 'Where e-mail takedown notices go.' })),
  members: Type.Integer({ minimum: 0 }),
  activeKeys: Type.Integer({ minimum: 0 }),
})
export const OrganisationList = Type.Object({ items: Type.Array(Organisation) })

export const AddMemberBody = Type.Union([
  Type.Object({ userId: Id, role: Type.Optional(MemberRole) }, { additionalProperties: false, description: 'Attach an existing journalist.' }),
  Type.Object(
    {
      email: Email,
      displayName: Type.String({ minLength: 1, maxLength: 80 }),
      password: Type.Optional(Type.String({ minLength: 12, maxLength: 1024 })),
      role: Type.Optional(MemberRole),
    },
    { additionalProperties: false, description: 'Create a journalist account; without a password one is generated and returned once.' },
  ),
])
export const Member = Type.Object({ userId: Id, displayName: Type.String(), role: MemberRole, since: When })
export const AddedMember = Type.Object({
  userId: Id,
  displayName: Type.String(),
  role: MemberRole,
  since: When,
  initialPassword: Type.Optional(Type.String({ description: 'Only when the account was made with a generated password; shown once.' })),
})
export const MemberList = Type.Object({ items: Type.Array(Member) })

export const CreateKeyBody = Type.Object(
  { name: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'A label, e.g. the system that uses it.' })) },
  { additionalProperties: false },
)
export const ApiKey = Type.Object({
  id: Id,
  organisationId: Id,
  prefix: Type.String({ description: 'The public part of the key (ebk_ and 8 characters), to tell keys apart.' }),
  name: Type.String(),
  createdBy: Nullable(Id),
  createdAt: When,
  lastUsedAt: Nullable(When),
  revokedAt: Nullable(When),
})
export const CreatedKey = Type.Object({
  id: Id,
  organisationId: Id,
  prefix: Type.String(),
  name: Type.String(),
  createdBy: Nullable(Id),
  createdAt: When,
  lastUsedAt: Nullable(When),
  revokedAt: Nullable(When),
  key: Type.String({ description: 'The key itself: shown this once, stored only as a hash. Send it as Authorization: Bearer <key>.' }),
})
export const KeyList = Type.Object({ items: Type.Array(ApiKey) })

export const CurrentKeyResponse = Type.Object({
  key: ApiKey,
  organisation: Type.Object({ id: Id, name: Type.String() }),
  rateLimit: Type.Object({
    limit: Type.Integer({ description: 'Requests allowed per window.' }),
    remaining: Type.Integer({ description: 'Left in the current window, after this request.' }),
    resetSeconds: Type.Integer({ description: 'Seconds until the window starts again.' }),
    windowSeconds: Type.Integer(),
  }),
})
