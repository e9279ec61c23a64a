import { createRouter } from '../../platform/http/router.js';
import { loadTenant, type TenantEnv } from '../tenancy/tenant-context.js';
import { authorizeRegistry } from './policies.js';

/** A router whose /t/{slug}/registry/… routes are for the network's HR staff only. */
export function createRegistryRouter() {
  const router = createRouter<TenantEnv>();
  router.use('/t/:slug/registry/*', loadTenant, async (c, next) => {
    authorizeRegistry(c.var.actor);
    await next();
  });
  return router;
}
