/**
 * The gallery's first render (React and every page it shows at once), loaded by main.tsx: on a search page
 * whose first results came as plain markup, only once those photos are on screen.
 */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'

export function start(root: HTMLElement) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}
