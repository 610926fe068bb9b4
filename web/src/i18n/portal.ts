/** The portal area's words (the gallery-roles branch fills this file). */
import { messages } from './index.tsx'

export const portal = messages({
  nl: { title: "Mijn foto's en mijn toestemming" },
  en: { title: "My photos and my consent" },
})
