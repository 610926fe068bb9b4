/** journalist: a member of a vetted organisation (a media outlet) who searches and downloads. */
export const ROLES = ['admin', 'curator', 'photographer', 'journalist'] as const
export type Role = (typeof ROLES)[number]
