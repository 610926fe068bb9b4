import { Problem } from '../../platform/problems.ts'

/** The picture desks' own problems; each slug is a stable `type` clients may switch on. */
export const desksProblems = {
  organisationNotFound: () => new Problem(404, 'organisation-not-found', 'Organisation not found', 'There is no organisation with this id.'),
  keyNotFound: () => new Problem(404, 'api-key-not-found', 'API key not found', 'This organisation has no API key with this id.'),
  memberNotFound: () => new Problem(404, 'member-not-found', 'Member not found', 'This user is not a member of this organisation.'),
  userNotFound: () => new Problem(404, 'user-not-found', 'User not found', 'There is no user with this id.'),
  notJournalist: () => new Problem(409, 'not-a-journalist', 'Not a journalist', 'Only users with the role journalist can be members of an organisation.'),
  alreadyMember: () =>
    new Problem(409, 'already-a-member', 'Already a member', 'This user is a member of an organisation already (a journalist works for one at a time).'),
  keyRequired: () =>
    new Problem(401, 'api-key-required', 'API key required', 'Send an API key as Authorization: Bearer ebk_….', {}, { 'www-authenticate': 'Bearer' }),
}
