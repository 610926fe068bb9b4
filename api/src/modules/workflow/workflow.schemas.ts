import Type from 'typebox'
import { PhotoStatusValue } from '../photos/index.ts'

const Words = Type.Object({ nl: Type.String(), en: Type.String() })

export const PhotoParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false })
export const PersonParams = Type.Object({ id: Type.String({ format: 'uuid' }), subjectId: Type.String({ format: 'uuid' }) }, { additionalProperties: false })
export const ReturnBody = Type.Object(
  { note: Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S', description: 'What the photographer should fix' }) },
  { additionalProperties: false },
)
export const ReturnResponse = Type.Object({ id: Type.String({ format: 'uuid' }), status: PhotoStatusValue })

export const PhotoStatus = Type.Object({
  id: Type.String({ format: 'uuid' }),
  status: PhotoStatusValue,
  checklist: Type.Array(Type.Object({ code: Type.String(), done: Type.Boolean(), words: Words })),
  publishable: Type.Boolean(),
  reasons: Type.Array(Type.Object({ code: Type.String(), field: Type.Optional(Type.String()), subjectId: Type.Optional(Type.String()), words: Words })),
  notes: Type.Array(
    Type.Object({ id: Type.String(), kind: Type.String(), body: Type.String(), author: Type.String(), createdAt: Type.String({ format: 'date-time' }) }),
  ),
})
