import { Problem } from '../../platform/problems.ts'
import { WORKFLOW_WORDS } from './workflow.words.ts'

/** Each refusal carries its sentence in both languages (`words`), which the gallery shows as it is. */
export const workflowProblems = {
  notInReview: (status: string) =>
    new Problem(409, 'not-in-review', 'Not in review', `The photo is ${status.replace('_', ' ')}; only a photo in review can be returned.`, {
      words: WORKFLOW_WORDS.notInReview,
    }),
  notDeletable: (status: string) =>
    new Problem(
      409,
      'photo-not-deletable',
      'Only drafts can be deleted',
      `The photo is ${status.replace('_', ' ')}; only a draft or a returned photo can be deleted.`,
      { words: WORKFLOW_WORDS.notDeletable },
    ),
  personLocked: () =>
    new Problem(409, 'person-locked', 'The photo is published', 'After publication a person is not removed: change their consent or withdraw it.', {
      words: WORKFLOW_WORDS.personLocked,
    }),
}
