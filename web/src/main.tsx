import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import './styles.css'

const root = document.getElementById('root')!
const render = () =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )

/** Longest the first render waits for the server's first photos to be on screen. */
const FIRST_PHOTOS_WAIT_MS = 1500

if (root.firstElementChild) {
  // A search page comes with its first results as plain markup in the root (api/src/platform/gallery.ts):
  // the browser shows those photos first (decoded, then one frame painted), and only then does the first
  // render replace them, with the same images from its cache.
  const photos = [...root.querySelectorAll('img')].slice(0, 6).map((img) => img.decode().catch(() => undefined))
  void Promise.race([Promise.all(photos), new Promise((r) => setTimeout(r, FIRST_PHOTOS_WAIT_MS))]).then(() =>
    requestAnimationFrame(() => setTimeout(render, 0)),
  )
} else render()
