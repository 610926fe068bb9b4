import { describe, expect, it } from 'vitest'
import { PRIVACY_KINDS } from '../../../api/src/modules/media/index.ts'
import { describeKinds } from '../../../api/src/modules/photos/photos.privacy.ts'

describe('the privacy report in plain words', () => {
  it('names every kind the media module can find, in Dutch and in English', () => {
    for (const kind of PRIVACY_KINDS) {
      const d = describeKinds([kind])
      expect(d.nl, kind).not.toContain(kind === 'gps' ? 'gps,' : `: ${kind}.`)
      expect(d.en, kind).not.toContain(`: ${kind}.`)
      expect(d.nl).toMatch(/^Verwijderd: .+\. Niets hiervan is bewaard/)
    }
    expect(describeKinds(['gps', 'serial']).en).toBe('Removed: GPS position, camera or lens serial numbers. None of it is kept or served.')
    expect(describeKinds([]).nl).toBe('Er zaten geen privégegevens in het bestand.')
  })
})
