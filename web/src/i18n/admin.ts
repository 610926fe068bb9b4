/** The admin area's words (the gallery-roles branch fills this file). */
import { messages } from './index.tsx'

export const admin = messages({
  nl: { title: "Beheer" },
  en: { title: "Administration" },
})
