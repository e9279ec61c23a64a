import { createRouter } from '../../platform/http/router.js';
import { loadTenant, type TenantEnv } from '../tenancy/tenant-context.js';
import { authorizeProgrammeStaff } from './policies.js';

/** A router whose /t/{slug}/programmes/… routes are for the network's staff (owners and admins) only. */
export function createProgrammesStaffRouter() {
  const router = createRouter<TenantEnv>();
  router.use('/t/:slug/programmes/*', loadTenant, async (c, next) => {
    authorizeProgrammeStaff(c.var.actor);
    await next();
  });
  return router;
}
