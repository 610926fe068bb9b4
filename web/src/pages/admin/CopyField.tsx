/** A secret shown once (an API key, a personal link), read-only, with a copy button that says whether it worked. */
import { useId, useRef, useState } from 'react'
import { useT } from '../../i18n/index.tsx'
import { admin } from '../../i18n/admin.ts'

export function CopyField({ label, value, warning }: { label: string; value: string; warning: string }) {
  const t = useT(admin)
  const id = useId()
  const ref = useRef<HTMLInputElement>(null)
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  return (
    <div className="copy-field secret">
      <label htmlFor={`${id}-v`}>{label}</label>
      <p className="hint" id={`${id}-w`}>
        {warning}
      </p>
      <input
        ref={ref}
        id={`${id}-v`}
        type="text"
        readOnly
        value={value}
        aria-describedby={`${id}-w`}
        onFocus={(e) => e.target.select()}
        spellCheck={false}
        autoComplete="off"
      />
      <div className="actions">
        <button
          type="button"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(value)
              setState('copied')
            } catch {
              ref.current?.select()
              setState('failed')
            }
          }}
        >
          {t('copy')}
          <span className="visually-hidden"> ({label})</span>
        </button>
        <span role="status" className={state === 'copied' ? 'copied' : undefined}>
          {state === 'copied' ? t('copied') : state === 'failed' ? t('copyFailed') : ''}
        </span>
      </div>
    </div>
  )
}
