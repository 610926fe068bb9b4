import './styles.css'

const root = document.getElementById('root')!
/** React and the app (start.tsx): a chunk of its own, preloaded by index.html (vite.config.ts), run when called. */
const render = () => import('./start.tsx').then(({ start }) => start(root))

/** Longest the first render waits for the server's first photos to be on screen. */
const FIRST_PHOTOS_WAIT_MS = 1500

/**
 * Resolves once the browser has reported a paint of one of the server's photos as the page's largest
 * contentful paint (so it was on screen), else after the next frame where LCP is not reported.
 */
function photoOnScreen(): Promise<void> {
  const frame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)))
  if (!PerformanceObserver.supportedEntryTypes?.includes('largest-contentful-paint')) return frame()
  return new Promise((resolve) => {
    const observer = new PerformanceObserver((list) => {
      const photo = list.getEntries().some((e) => {
        const el = (e as PerformanceEntry & { element?: Element | null }).element
        return el?.tagName === 'IMG' && root.contains(el)
      })
      if (photo) {
        observer.disconnect()
        void frame().then(resolve)
      }
    })
    observer.observe({ type: 'largest-contentful-paint', buffered: true })
  })
}

if (root.firstElementChild) {
  // A search page comes with its first results as plain markup in the root (api/src/platform/gallery.ts):
  // the browser shows those photos first (decoded and reported painted), and only then is the app's script
  // run (its evaluation would otherwise hold up that paint) and its first render replaces them, with the
  // same images from the browser's cache.
  const photos = [...root.querySelectorAll('img')].slice(0, 6).map((img) => img.decode().catch(() => undefined))
  const painted = Promise.all(photos).then(photoOnScreen)
  void Promise.race([painted, new Promise((r) => setTimeout(r, FIRST_PHOTOS_WAIT_MS))]).then(render)
} else void render()
