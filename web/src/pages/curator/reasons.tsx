/** Why publishing is refused, one plain sentence per reason, with people named by their pseudonym. */
import { useT } from '../../i18n/index.tsx'
import { curator } from '../../i18n/curator.ts'
import type { Reason } from './curator.api.ts'

type Key = keyof (typeof curator)['nl']
const CODE: Record<string, Key> = {
  'text-missing': 'reason_textMissing',
  'derivatives-pending': 'reason_derivativesPending',
  'no-people-undeclared': 'reason_noPeopleUndeclared',
  'no-consent': 'reason_noConsent',
  withdrawn: 'reason_withdrawn',
  expired: 'reason_expired',
  'not-yet-valid': 'reason_notYetValid',
  'identifiability-not-agreed': 'reason_identifiabilityNotAgreed',
  'no-common-use': 'reason_noCommonUse',
}
const FIELD: Record<string, Key> = { captionNl: 'field_captionNl', captionEn: 'field_captionEn', altNl: 'field_altNl', altEn: 'field_altEn' }

export function ReasonList({ reasons, names, id }: { reasons: Reason[]; names: Map<string, string>; id?: string }) {
  const t = useT(curator)
  return (
    <ul className="reasons" id={id}>
      {reasons.map((r, i) => {
        const key = CODE[r.code]
        const who = (r.subjectId && names.get(r.subjectId)) || t('someone')
        const field = r.field ? (FIELD[r.field] ? t(FIELD[r.field]!) : r.field) : ''
        return <li key={`${r.code}-${r.subjectId ?? r.field ?? i}`}>{key ? t(key, { who, field }) : t('reason_unknown', { code: r.code })}</li>
      })}
    </ul>
  )
}
