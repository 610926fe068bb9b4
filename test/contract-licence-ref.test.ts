import { describe, expect, it } from 'vitest'
import { licenceRef, parseLicenceId, parseLicenceRef } from '../contract/licence-ref.ts'

describe('licence references (contract/licence-ref.ts)', () => {
  it('reads and writes <id>@<version>', () => {
    expect(parseLicenceRef('rsw-editorial@1.0')).toEqual({ id: 'rsw-editorial', version: '1.0' })
    expect(licenceRef('cc-by', '4.0')).toBe('cc-by@4.0')
    expect(parseLicenceRef(licenceRef('cc0', '1.0'))).toEqual({ id: 'cc0', version: '1.0' })
  })

  it('refuses what is not one reference', () => {
    for (const bad of ['rsw-editorial', 'rsw-editorial@', '@1.0', 'a@1.0@2.0', 'RSW@1.0', 'a@1', 'a@1.0 ', '../x@1.0', ''])
      expect(parseLicenceRef(bad), bad).toBeNull()
  })

  it('takes a bare id as "the current version" only where asked', () => {
    expect(parseLicenceId('rsw-editorial')).toEqual({ id: 'rsw-editorial' })
    expect(parseLicenceId('rsw-editorial@1.0')).toEqual({ id: 'rsw-editorial', version: '1.0' })
    expect(parseLicenceId('rsw editorial')).toBeNull()
  })
})
