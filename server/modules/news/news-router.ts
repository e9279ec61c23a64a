import { forbidden } from '../../platform/errors.js';
import { createRouter } from '../../platform/http/router.js';
import { isStaff } from '../tenancy/policies.js';
import { loadTenant, type TenantEnv } from '../tenancy/tenant-context.js';

/** A router for /t/{slug}/news/…: every active member of the network reads what is meant for them. */
export function createNewsRouter() {
  const router = createRouter<TenantEnv>();
  router.use('/t/:slug/news/*', loadTenant);
  return router;
}

/** A router for /t/{slug}/news-desk/…: the network's staff write and publish there. */
export function createNewsDeskRouter() {
  const router = createRouter<TenantEnv>();
  router.use('/t/:slug/news-desk/*', loadTenant, async (c, next) => {
    if (!isStaff(c.var.actor)) throw forbidden();
    await next();
  });
  return router;
}
