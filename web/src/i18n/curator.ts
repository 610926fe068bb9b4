/** The curator area's words (the gallery-roles branch fills this file). */
import { messages } from './index.tsx'

export const curator = messages({
  nl: { title: "Curator" },
  en: { title: "Curator" },
})
