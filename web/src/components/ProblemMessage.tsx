import { useLang } from '../i18n/index.tsx'
import { describeProblem, type ProblemWords } from '../i18n/problems.ts'

/** An API problem as a readable sentence, announced to screen readers (role="alert"). */
export function ProblemMessage({ error, extra, id }: { error: unknown; extra?: ProblemWords; id?: string }) {
  const { lang } = useLang()
  if (!error) return null
  return (
    <p className="problem" role="alert" id={id}>
      {describeProblem(error, lang, extra)}
    </p>
  )
}
