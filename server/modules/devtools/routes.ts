import { createRoute, z } from '@hono/zod-openapi';
import { desc } from 'drizzle-orm';
import { devMailbox } from '../../db/schema/index.js';
import { notFound } from '../../platform/errors.js';
import { createRouter, jsonContent, problems } from '../../platform/http/router.js';
import { canReadDevMailbox } from '../../platform/mail/dev-mailbox-access.js';

export const devRoutes = createRouter();

const MailSchema = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  attachments: z.array(z.object({ filename: z.string(), contentType: z.string(), content: z.string() })),
  /** Extra headers as a mail app sees them (List-Unsubscribe, List-Unsubscribe-Post …). */
  headers: z.record(z.string(), z.string()),
  createdAt: z.string(),
});

devRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/dev/mailbox',
    tags: ['development'],
    summary: 'Mail kept instead of sent (without SMTP_URL, to loopback clients of a localhost PUBLIC_URL)',
    responses: { 200: jsonContent(z.object({ mails: z.array(MailSchema) })), ...problems(404) },
  }),
  async (c) => {
    if (!canReadDevMailbox(c)) throw notFound();
    const rows = await c.var.deps.database.db
      .select()
      .from(devMailbox)
      .orderBy(desc(devMailbox.createdAt))
      .limit(50);
    return c.json(
      {
        mails: rows.map((row) => ({
          id: row.id,
          to: row.recipient,
          subject: row.subject,
          text: row.textBody,
          attachments: row.attachments,
          headers: row.headers,
          createdAt: row.createdAt.toISOString(),
        })),
      },
      200,
    );
  },
);
