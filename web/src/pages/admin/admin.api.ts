/** The admin's calls: organisations, journalists and keys (desks routes), people and their links, the vault, erasure, audit. */
import { api, type Json, type JsonBody } from '../../api.ts'

export type Organisation = Json<'/v1/organisations', 'get'>['items'][number]
export type Member = Json<'/v1/organisations/{id}/members', 'post', 201>
export type ApiKey = Json<'/v1/organisations/{id}/keys', 'get'>['items'][number]
export type CreatedKey = Json<'/v1/organisations/{id}/keys', 'post', 201>
export type Subject = Json<'/v1/subjects', 'get'>['items'][number]
export type VaultView = Json<'/v1/admin/vault/{id}', 'get'>
export type VaultEntry = JsonBody<'/v1/subjects/{id}/vault', 'put'>
export type ErasureRequest = Json<'/v1/admin/erasure-requests', 'get'>['items'][number]
/** head is set when ok, firstBad when not (the route schema has both nullable, not a union). */
export type AuditResult = Json<'/v1/admin/audit/verify', 'get'>

export type UserRow = Json<'/v1/admin/users', 'get'>['items'][number]
export type StaffRole = Exclude<UserRow['role'], 'journalist'>

export type AdminNotice = Json<'/v1/admin/notices', 'get'>['items'][number]
export type Delivery = Json<'/v1/admin/deliveries/{id}/retry', 'post'>
/** A delivery's channel and state (the route schema declares plain strings): narrowed where they pick a message. */
export type DeliveryChannel = 'webhook' | 'email'
export type DeliveryState = 'pending' | 'waiting' | 'delivered' | 'dead' | 'cancelled'
export type LinkStatus = Json<'/v1/subjects/{id}/portal-link', 'get'>

export const adminApi = {
  notices: () => api<Json<'/v1/admin/notices', 'get'>>('/v1/admin/notices', { query: { limit: 200 } }),
  retryDelivery: (id: string) => api<Delivery>(`/v1/admin/deliveries/${id}/retry`, { method: 'POST' }),
  linkStatus: (subjectId: string) => api<LinkStatus>(`/v1/subjects/${subjectId}/portal-link`),
  users: () => api<Json<'/v1/admin/users', 'get'>>('/v1/admin/users'),
  addUser: (body: { email: string; displayName: string; role: StaffRole }) =>
    api<Json<'/v1/admin/users', 'post', 201>>('/v1/admin/users', { method: 'POST', body }),
  setUserDisabled: (id: string, disabled: boolean) =>
    api<Json<'/v1/admin/users/{id}/disable', 'post'>>(`/v1/admin/users/${id}/${disabled ? 'disable' : 'enable'}`, { method: 'POST' }),
  resetPassword: (id: string) => api<Json<'/v1/admin/users/{id}/password', 'post'>>(`/v1/admin/users/${id}/password`, { method: 'POST' }),
  putVault: (subjectId: string, entry: VaultEntry) => api<void>(`/v1/subjects/${subjectId}/vault`, { method: 'PUT', body: entry }),
  organisations: () => api<Json<'/v1/organisations', 'get'>>('/v1/organisations'),
  createOrganisation: (name: string, enable: boolean) =>
    api<Json<'/v1/organisations', 'post', 201>>('/v1/organisations', { method: 'POST', body: { name, enable } }),
  setEnabled: (id: string, on: boolean) =>
    api<Json<'/v1/organisations/{id}/enable', 'post'>>(`/v1/organisations/${id}/${on ? 'enable' : 'disable'}`, { method: 'POST' }),
  members: (id: string) => api<Json<'/v1/organisations/{id}/members', 'get'>>(`/v1/organisations/${id}/members`),
  addMember: (id: string, body: { email: string; displayName: string; password?: string }) =>
    api<Member>(`/v1/organisations/${id}/members`, { method: 'POST', body }),
  keys: (id: string) => api<Json<'/v1/organisations/{id}/keys', 'get'>>(`/v1/organisations/${id}/keys`),
  createKey: (id: string, name: string) => api<CreatedKey>(`/v1/organisations/${id}/keys`, { method: 'POST', body: name ? { name } : {} }),
  revokeKey: (id: string, keyId: string) =>
    api<Json<'/v1/organisations/{id}/keys/{keyId}', 'delete'>>(`/v1/organisations/${id}/keys/${keyId}`, { method: 'DELETE' }),
  subjects: () => api<Json<'/v1/subjects', 'get'>>('/v1/subjects'),
  makeLink: (subjectId: string) => api<Json<'/v1/subjects/{id}/portal-link', 'post', 201>>(`/v1/subjects/${subjectId}/portal-link`, { method: 'POST' }),
  revokeLink: (subjectId: string) => api<Json<'/v1/subjects/{id}/portal-link', 'delete'>>(`/v1/subjects/${subjectId}/portal-link`, { method: 'DELETE' }),
  vault: (subjectId: string) => api<VaultView>(`/v1/admin/vault/${subjectId}`),
  vaultDocumentUrl: (subjectId: string, documentId: string) => `/v1/admin/vault/${subjectId}/documents/${documentId}`,
  erasureRequests: () => api<Json<'/v1/admin/erasure-requests', 'get'>>('/v1/admin/erasure-requests'),
  carryOut: (id: string) => api<Json<'/v1/admin/erasure-requests/{id}/carry-out', 'post'>>(`/v1/admin/erasure-requests/${id}/carry-out`, { method: 'POST' }),
  verifyAudit: (anchor?: string) => api<AuditResult>('/v1/admin/audit/verify', { query: { anchor } }),
}
