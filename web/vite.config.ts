import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'

/**
 * The app's own chunk (src/start.tsx, which main.tsx imports dynamically so that it runs only when called)
 * and what it imports, as <link rel=modulepreload> in index.html: fetched at once beside the entry, as a
 * static import would be, only not run.
 */
function preloadStart(): Plugin {
  return {
    name: 'eb-preload-start',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {})
        const start = chunks.find((c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('/src/start.tsx'))
        if (!start || start.type !== 'chunk') return html
        // Its static imports, also those of its imports (each chunk once).
        const files = new Set<string>([start.fileName])
        for (const file of files) {
          const chunk = ctx.bundle?.[file]
          if (chunk?.type === 'chunk') for (const dep of chunk.imports) files.add(dep)
        }
        return [...files]
          .filter((file) => !html.includes(`/${file}"`))
          .map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` }, injectTo: 'head' as const }))
      },
    },
  }
}

// The gallery: built into web/dist and served by the API on the same port (api/src/app.ts).
// During development `npx vite --config web/vite.config.ts` proxies the API to a running server.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), preloadStart()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No inline scripts or styles (the helmet CSP allows script-src 'self' only).
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: 'es2022',
  },
  server: {
    proxy: { '/v1': 'http://127.0.0.1:3000', '/healthz': 'http://127.0.0.1:3000' },
  },
})
