import sharp from 'sharp'
import fs from 'node:fs'
import { stampRights } from './api/src/modules/media/index.ts'
const img = sharp({ create: { width: 64, height: 48, channels: 3, background: '#884422' } })
const jpg = await img.clone().jpeg().toBuffer()
const webp = await img.clone().webp().toBuffer()
const rights = { creator: 'Élise Bakker', credit: 'Élise Bakker / Eerlijk Beeld', copyright: '© 2026 Élise Bakker', licensorName: 'Eerlijk Beeld', licensorUrl: 'http://x/photos/1', usageTerms: { 'x-default': 'Alleen nieuws', nl: 'Alleen nieuws', en: 'News only' }, webStatement: 'http://x/rights/1', modelReleaseStatus: 'none' as const, licenceUrl: 'https://creativecommons.org/licenses/by/4.0/', description: { 'x-default': 'Een brug', nl: 'Een brug' }, altText: { 'x-default': 'Witte kabels', nl: 'Witte kabels' }, keywords: ['brug', 'water'], instructions: 'Naamsvermelding verplicht', grant: { licensee: 'Demo Redactie', licenceId: 'g-123', grantedOn: '2026-12-06', validUntil: '2029-01-01', constraints: 'use: editorial; channel: online', licenceVersion: 'rsw-editorial 1.0' } }
fs.writeFileSync('/tmp/rights/a.jpg', stampRights(jpg, 'jpeg', rights))
fs.writeFileSync('/tmp/rights/a.webp', stampRights(webp, 'webp', rights))
console.log(await sharp('/tmp/rights/a.jpg').metadata().then(m=>[m.width,m.density]), await sharp('/tmp/rights/a.webp').metadata().then(m=>[m.width,m.height]))
