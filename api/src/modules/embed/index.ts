/**
 * embed: revocable embeds. oEmbed for a photo page and an embed page (with its image) that ask the consent
 * gate on every request, so a withdrawal reaches pages already published on their next view.
 * Must never: let a page or image be cached beyond a revalidation, run scripts in the embed, or show a
 * photo the gate would not show to an anonymous visitor.
 */
export { EmbedService, embedProblems, embedPage, gonePage } from './embed.service.ts'
export { embedRoutes } from './embed.routes.ts'
