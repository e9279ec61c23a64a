import { createRouter } from '../../platform/http/router.js';
import { loadTenant, type TenantEnv } from '../tenancy/tenant-context.js';

/** A router for /t/{slug}/community/…: every active member of the network, whatever their role. */
export function createCommunityRouter() {
  const router = createRouter<TenantEnv>();
  router.use('/t/:slug/community/*', loadTenant);
  return router;
}
