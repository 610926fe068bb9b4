/** The photographer area's words (the gallery-roles branch fills this file). */
import { messages } from './index.tsx'

export const photographer = messages({
  nl: { title: "Fotograaf" },
  en: { title: "Photographer" },
})
