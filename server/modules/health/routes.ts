import { createRoute, z } from '@hono/zod-openapi';
import { pendingMigrations } from '../../db/migrate.js';
import { createRouter, jsonContent } from '../../platform/http/router.js';

export const healthRoutes = createRouter();

healthRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/health',
    tags: ['operations'],
    summary: 'Liveness: the process answers',
    responses: { 200: jsonContent(z.object({ status: z.literal('ok') })) },
  }),
  (c) => c.json({ status: 'ok' as const }, 200),
);

const ReadySchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  database: z.enum(['ok', 'unreachable']),
  pendingMigrations: z.array(z.string()),
});

healthRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/ready',
    tags: ['operations'],
    summary: 'Readiness: database reachable and every migration applied',
    responses: { 200: jsonContent(ReadySchema), 503: jsonContent(ReadySchema, 'Not ready') },
  }),
  async (c) => {
    try {
      const pending = await pendingMigrations(c.var.deps.database.execute);
      const ready = pending.length === 0;
      return c.json(
        {
          status: ready ? ('ready' as const) : ('not_ready' as const),
          database: 'ok' as const,
          pendingMigrations: pending,
        },
        ready ? 200 : 503,
      );
    } catch (error) {
      c.var.logger.error({ err: error }, 'readiness check failed');
      return c.json(
        { status: 'not_ready' as const, database: 'unreachable' as const, pendingMigrations: [] },
        503,
      );
    }
  },
);
