/**
 * workflow: the work around a photo that is not consent itself, so nobody gets stuck: a curator returns a
 * photo with a note, the photographer sees the checklist and why it is not published, removes a person
 * linked by mistake before publication, and deletes a draft.
 * Must never: remove a person from a published photo (that is a consent change or a withdrawal), delete a
 * photo that was ever sent out, or put a note's words in the audit trail.
 */
export { WorkflowService } from './workflow.service.ts'
export { workflowRoutes } from './workflow.routes.ts'
export { workflowProblems } from './workflow.problems.ts'
