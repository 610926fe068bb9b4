/**
 * The consent choices (uses, excluded topics, recognisability, public preview), shared by the
 * photographer's "add a person" form and the model's own portal. Labels come from the API's vocabulary
 * (contract/vocabulary.ts), so the words match what the server says in its descriptions.
 */
import { useId } from 'react'
import { DEFAULT_EXCLUDED_TOPICS, DEFAULT_USES, TOPICS, TOPIC_LABELS, USES, USE_LABELS, type Topic, type Use } from '../../../../contract/vocabulary.ts'
import { useLang } from '../../i18n/index.tsx'
import './consent.css'

export interface ConsentChoice {
  uses: Use[]
  excludedTopics: Topic[]
  identifiable: boolean
  identifiabilityAgreed: boolean
  publicPreview: boolean
}

export const defaultChoice = (): ConsentChoice => ({
  uses: [...DEFAULT_USES],
  excludedTopics: [...DEFAULT_EXCLUDED_TOPICS],
  identifiable: false,
  identifiabilityAgreed: false,
  publicPreview: false,
})

/** A consent from the API (strings) as a choice the form can edit. */
export function choiceFrom(c: {
  uses: string[]
  excludedTopics: string[]
  identifiable: boolean
  identifiabilityAgreed: boolean
  publicPreview: boolean
}): ConsentChoice {
  return {
    uses: USES.filter((u) => c.uses.includes(u)),
    excludedTopics: TOPICS.filter((t) => c.excludedTopics.includes(t)),
    identifiable: c.identifiable,
    identifiabilityAgreed: c.identifiabilityAgreed,
    publicPreview: c.publicPreview,
  }
}

export interface ConsentFieldLabels {
  usesLegend: string
  topicsLegend: string
  identifiable: string
  identifiabilityAgreed: string
  publicPreview: string
}

const toggle = <T,>(list: T[], item: T, on: boolean): T[] => (on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item))

export function ConsentFields({
  value,
  onChange,
  labels,
  disabled,
  identifiableFixed,
}: {
  value: ConsentChoice
  onChange: (v: ConsentChoice) => void
  labels: ConsentFieldLabels
  disabled?: boolean
  /** The model doesn't decide whether they are recognisable in a photo, only whether they agree to it. */
  identifiableFixed?: boolean
}) {
  const { lang } = useLang()
  const id = useId()
  return (
    <div className="consent-fields">
      <fieldset disabled={disabled}>
        <legend>{labels.usesLegend}</legend>
        <ul className="checks">
          {USES.map((u) => (
            <li key={u}>
              <input
                type="checkbox"
                id={`${id}-use-${u}`}
                checked={value.uses.includes(u)}
                onChange={(e) => onChange({ ...value, uses: USES.filter((x) => toggle(value.uses, u, e.target.checked).includes(x)) })}
              />
              <label htmlFor={`${id}-use-${u}`}>{USE_LABELS[u][lang]}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset disabled={disabled}>
        <legend>{labels.topicsLegend}</legend>
        <ul className="checks">
          {TOPICS.map((t) => (
            <li key={t}>
              <input
                type="checkbox"
                id={`${id}-topic-${t}`}
                checked={value.excludedTopics.includes(t)}
                onChange={(e) => onChange({ ...value, excludedTopics: TOPICS.filter((x) => toggle(value.excludedTopics, t, e.target.checked).includes(x)) })}
              />
              <label htmlFor={`${id}-topic-${t}`}>{TOPIC_LABELS[t][lang]}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <ul className="checks">
        {!identifiableFixed && (
          <li>
            <input
              type="checkbox"
              id={`${id}-identifiable`}
              disabled={disabled}
              checked={value.identifiable}
              onChange={(e) =>
                onChange({ ...value, identifiable: e.target.checked, identifiabilityAgreed: e.target.checked ? value.identifiabilityAgreed : false })
              }
            />
            <label htmlFor={`${id}-identifiable`}>{labels.identifiable}</label>
          </li>
        )}
        {value.identifiable && (
          <li>
            <input
              type="checkbox"
              id={`${id}-agreed`}
              disabled={disabled}
              checked={value.identifiabilityAgreed}
              onChange={(e) => onChange({ ...value, identifiabilityAgreed: e.target.checked })}
            />
            <label htmlFor={`${id}-agreed`}>{labels.identifiabilityAgreed}</label>
          </li>
        )}
        <li>
          <input
            type="checkbox"
            id={`${id}-preview`}
            disabled={disabled}
            checked={value.publicPreview}
            onChange={(e) => onChange({ ...value, publicPreview: e.target.checked })}
          />
          <label htmlFor={`${id}-preview`}>{labels.publicPreview}</label>
        </li>
      </ul>
    </div>
  )
}
