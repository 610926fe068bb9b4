/** The admin's calls: organisations, journalists and keys (desks routes), people and their links, the vault, erasure, audit. */
import { api } from '../../api.ts'

export interface Organisation {
  id: string
  name: string
  enabled: boolean
  enabledAt: string | null
  createdAt: string
  noticeEmail: string | null
  members: number
  activeKeys: number
}
export interface Member {
  userId: string
  displayName: string
  role: 'member' | 'manager'
  since: string
  initialPassword?: string
}
export interface ApiKey {
  id: string
  prefix: string
  name: string
  createdAt: string
  lastUsedAt: string | null
  revokedAt: string | null
}
export type CreatedKey = ApiKey & { key: string }
export interface Subject {
  id: string
  pseudonym: string
  createdAt: string
}
export interface VaultEntry {
  legalName: string
  contact?: { email?: string; phone?: string; address?: string; note?: string }
  ageCheck?: { result: string; checkedOn: string; method: string }
  note?: string
}
export interface VaultView {
  subjectId: string
  entry: VaultEntry | null
  updatedAt: string | null
  documents: { id: string; mediaType: string; bytes: number; createdAt: string }[]
}
export interface ErasureRequest {
  id: string
  subjectId: string
  pseudonym: string
  requestedAt: string
  photos: number
  sharedPhotos: number
}
export type AuditResult =
  | { ok: true; events: number; head: { seq: number; hash: string }; firstBad: null; checkedAt: string }
  | { ok: false; events: number; head: null; firstBad: { seq: number; problem: string }; checkedAt: string }

export type StaffRole = 'admin' | 'curator' | 'photographer'
export interface UserRow {
  id: string
  email: string
  displayName: string
  role: StaffRole | 'journalist'
  createdAt: string
  disabledAt: string | null
  organisation: { id: string; name: string } | null
}

export interface Delivery {
  id: string
  channel: 'webhook' | 'email'
  endpointId: string | null
  state: 'pending' | 'waiting' | 'delivered' | 'dead' | 'cancelled'
  attempts: number
  lastResult: string | null
  deliveredAt: string | null
  retriedAt: string | null
}
export interface AdminNotice {
  id: string
  event: string
  photoId: string
  state: 'queued' | 'delivered' | 'acknowledged'
  createdAt: string
  organisation: { id: string; name: string }
  deliveries: Delivery[]
}
export interface LinkStatus {
  state: 'none' | 'active' | 'expired' | 'revoked'
  createdAt: string | null
  expiresAt: string | null
  lastUsedAt: string | null
  revokedAt: string | null
}

export const adminApi = {
  notices: () => api<{ items: AdminNotice[] }>('/v1/admin/notices', { query: { limit: 200 } }),
  retryDelivery: (id: string) => api<Delivery>(`/v1/admin/deliveries/${id}/retry`, { method: 'POST' }),
  linkStatus: (subjectId: string) => api<LinkStatus>(`/v1/subjects/${subjectId}/portal-link`),
  users: () => api<{ items: UserRow[] }>('/v1/admin/users'),
  addUser: (body: { email: string; displayName: string; role: StaffRole }) =>
    api<UserRow & { initialPassword?: string }>('/v1/admin/users', { method: 'POST', body }),
  setUserDisabled: (id: string, disabled: boolean) => api<UserRow>(`/v1/admin/users/${id}/${disabled ? 'disable' : 'enable'}`, { method: 'POST' }),
  resetPassword: (id: string) => api<{ id: string; initialPassword: string }>(`/v1/admin/users/${id}/password`, { method: 'POST' }),
  putVault: (subjectId: string, entry: VaultEntry) => api<void>(`/v1/subjects/${subjectId}/vault`, { method: 'PUT', body: entry }),
  organisations: () => api<{ items: Organisation[] }>('/v1/organisations'),
  createOrganisation: (name: string, enable: boolean) => api<Organisation>('/v1/organisations', { method: 'POST', body: { name, enable } }),
  setEnabled: (id: string, on: boolean) => api<Organisation>(`/v1/organisations/${id}/${on ? 'enable' : 'disable'}`, { method: 'POST' }),
  members: (id: string) => api<{ items: Member[] }>(`/v1/organisations/${id}/members`),
  addMember: (id: string, body: { email: string; displayName: string; password?: string }) =>
    api<Member>(`/v1/organisations/${id}/members`, { method: 'POST', body }),
  keys: (id: string) => api<{ items: ApiKey[] }>(`/v1/organisations/${id}/keys`),
  createKey: (id: string, name: string) => api<CreatedKey>(`/v1/organisations/${id}/keys`, { method: 'POST', body: name ? { name } : {} }),
  revokeKey: (id: string, keyId: string) => api<ApiKey>(`/v1/organisations/${id}/keys/${keyId}`, { method: 'DELETE' }),
  subjects: () => api<{ items: Subject[] }>('/v1/subjects'),
  makeLink: (subjectId: string) => api<{ token: string; url: string }>(`/v1/subjects/${subjectId}/portal-link`, { method: 'POST' }),
  revokeLink: (subjectId: string) => api<{ revoked: number }>(`/v1/subjects/${subjectId}/portal-link`, { method: 'DELETE' }),
  vault: (subjectId: string) => api<VaultView>(`/v1/admin/vault/${subjectId}`),
  vaultDocumentUrl: (subjectId: string, documentId: string) => `/v1/admin/vault/${subjectId}/documents/${documentId}`,
  erasureRequests: () => api<{ items: ErasureRequest[] }>('/v1/admin/erasure-requests'),
  carryOut: (id: string) => api<{ photosWithdrawn: number }>(`/v1/admin/erasure-requests/${id}/carry-out`, { method: 'POST' }),
  verifyAudit: (anchor?: string) => api<AuditResult>('/v1/admin/audit/verify', { query: { anchor } }),
}
