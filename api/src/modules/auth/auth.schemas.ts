import Type from 'typebox'

export const LoginBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 320 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
)

export const UserSummary = Type.Object({
  id: Type.String({ format: 'uuid' }),
  role: Type.Union([Type.Literal('admin'), Type.Literal('curator'), Type.Literal('photographer'), Type.Literal('journalist')]),
  displayName: Type.String(),
})

export const LoginResponse = Type.Object({
  token: Type.String({ description: 'Send as Authorization: Bearer <token>.' }),
  csrfToken: Type.String({ description: 'For cookie sessions: send as the x-csrf-token header on requests that change data.' }),
  expiresAt: Type.String({ format: 'date-time' }),
  user: UserSummary,
})

export const MeResponse = Type.Object({ user: UserSummary, organisationId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]) })

/** GET /v1/auth/help: the bank's contact address for account questions (CONTACT_EMAIL), null when not set. */
export const AccountHelp = Type.Object({ contactEmail: Type.Union([Type.String(), Type.Null()]) })
