/**
 * The route table. The journalist's pages are in the initial bundle; every other area is its own chunk
 * (React.lazy), loaded when someone goes there. An area owns everything under its prefix: a pattern with
 * '*' hands the rest of the path to the page as params.rest, so the area routes inside itself.
 */
import { lazy, type ComponentType } from 'react'
import type { Role } from './api.ts'
import { LoginPage } from './pages/LoginPage.tsx'
import { PhotoPage } from './pages/journalist/PhotoPage.tsx'
import { SearchPage } from './pages/journalist/SearchPage.tsx'
import type { PageProps } from './router.tsx'

export interface Route {
  pattern: string
  page: ComponentType<PageProps>
  /** Only these roles (others get a login link or a "not for your role"); absent: everyone. */
  roles?: Role[]
}

const UploadPage = lazy(() => import('./pages/photographer/UploadPage.tsx'))
const MyPhotosPage = lazy(() => import('./pages/photographer/MyPhotosPage.tsx'))
const ReviewPage = lazy(() => import('./pages/curator/ReviewPage.tsx'))
const CollectionsPage = lazy(() => import('./pages/curator/CollectionsPage.tsx'))
const PortalPage = lazy(() => import('./pages/portal/PortalPage.tsx'))
const AdminPage = lazy(() => import('./pages/admin/AdminPage.tsx'))
const MyDownloadsPage = lazy(() => import('./pages/journalist/MyDownloadsPage.tsx'))

export const ROUTES: Route[] = [
  { pattern: '/', page: SearchPage },
  { pattern: '/photos/:id', page: PhotoPage },
  { pattern: '/login', page: LoginPage },
  { pattern: '/my-downloads', page: MyDownloadsPage, roles: ['journalist'] },
  { pattern: '/upload', page: UploadPage, roles: ['photographer'] },
  { pattern: '/my-photos', page: MyPhotosPage, roles: ['photographer'] },
  { pattern: '/my-photos/*', page: MyPhotosPage, roles: ['photographer'] },
  { pattern: '/review', page: ReviewPage, roles: ['curator', 'admin'] },
  { pattern: '/review/*', page: ReviewPage, roles: ['curator', 'admin'] },
  { pattern: '/collections', page: CollectionsPage, roles: ['curator', 'admin'] },
  { pattern: '/collections/*', page: CollectionsPage, roles: ['curator', 'admin'] },
  // The model's portal: no account; the personal link's token is in the URL fragment (#ebp_…).
  { pattern: '/portal', page: PortalPage },
  { pattern: '/admin', page: AdminPage, roles: ['admin'] },
  { pattern: '/admin/*', page: AdminPage, roles: ['admin'] },
]
