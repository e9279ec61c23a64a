import { and, eq, inArray } from 'drizzle-orm';
import { accounts, newsletterCampaigns, tenants } from '../../db/schema/index.js';
import { inTenant } from '../../db/scope.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Deps } from '../../platform/http/env.js';
import { queueMail } from '../../platform/mail/queue-mail.js';
import { deliver } from '../programmes/delivery/deliver.js';
import { recordTrackedLinks } from '../programmes/delivery/mail-tracking.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { type CampaignTracking, fillForTest, joinBlock, renderCampaignMail } from './campaign-mail.js';
import {
  campaignArticles,
  campaignAudience,
  campaignProgramme,
  campaignPurpose,
  campaignSender,
  findCampaign,
  requireSender,
} from './campaigns.js';
import { auditNewsletter } from './newsletter-audit.js';

/**
 * Moves a campaign from one of `from` to `to` by one conditional UPDATE, so of two clicks (or two
 * tabs) only one finds it in the state it expects; the other gets 409 newsletter_already_sending.
 */
async function move(
  ctx: TenantServiceContext,
  id: string,
  from: ('draft' | 'scheduled')[],
  set: Partial<typeof newsletterCampaigns.$inferInsert>,
  code: 'newsletter_already_sending' | 'newsletter_not_scheduled',
) {
  const campaign = await findCampaign(ctx, id);
  const [moved] = await ctx.tx
    .update(newsletterCampaigns)
    .set({ ...set, updatedAt: new Date() })
    .where(
      and(
        eq(newsletterCampaigns.tenantId, ctx.tenant.id),
        eq(newsletterCampaigns.id, id),
        inArray(newsletterCampaigns.status, from),
      ),
    )
    .returning();
  if (!moved) throw new AppError(409, campaign.status === 'draft' ? 'newsletter_not_scheduled' : code);
  return moved;
}

/** Schedules a draft (or moves a scheduled send) to a time in the future; a durable job sends it then. */
export async function scheduleCampaign(ctx: TenantServiceContext, id: string, sendAt: Date) {
  requireSender(ctx.tenant);
  if (sendAt.getTime() <= Date.now()) {
    throw new AppError(422, 'newsletter_send_at_past', [{ path: 'sendAt', code: 'newsletter_send_at_past' }]);
  }
  const campaign = await move(
    ctx,
    id,
    ['draft', 'scheduled'],
    { status: 'scheduled', sendAt, sentBy: ctx.actor.membershipId },
    'newsletter_already_sending',
  );
  await ctx.deps.jobs.send(
    ctx.tx,
    'newsletters.send',
    { tenantId: ctx.tenant.id, campaignId: id },
    { startAfter: sendAt },
  );
  await auditNewsletter(ctx, 'newsletter.scheduled', id, { sendAt: sendAt.toISOString() });
  return campaign;
}

/** Takes back a scheduled send: the job finds it cancelled and sends nothing. */
export async function cancelCampaign(ctx: TenantServiceContext, id: string) {
  const campaign = await move(ctx, id, ['scheduled'], { status: 'cancelled' }, 'newsletter_not_scheduled');
  await auditNewsletter(ctx, 'newsletter.unscheduled', id);
  return campaign;
}

/**
 * Send now: the campaign is taken (status sending) in this request and the job delivers it straight
 * after, so the request does not wait for tens of thousands of rows. A second click finds it taken (409).
 */
export async function sendCampaignNow(ctx: TenantServiceContext, id: string) {
  requireSender(ctx.tenant);
  const campaign = await move(
    ctx,
    id,
    ['draft', 'scheduled'],
    { status: 'sending', sendAt: new Date(), sentBy: ctx.actor.membershipId },
    'newsletter_already_sending',
  );
  await ctx.deps.jobs.send(ctx.tx, 'newsletters.send', { tenantId: ctx.tenant.id, campaignId: id });
  await auditNewsletter(ctx, 'newsletter.send_started', id);
  return campaign;
}

/** A test to the staff member's own address only, subject marked [テスト]; nobody else, no delivery records. */
export async function sendCampaignTest(ctx: TenantServiceContext, id: string, locale: 'ja' | 'en') {
  const sender = requireSender(ctx.tenant);
  const campaign = await findCampaign(ctx, id);
  const [account] = await ctx.tx
    .select({ email: accounts.email })
    .from(accounts)
    .where(eq(accounts.id, ctx.actor.accountId));
  if (!account) throw new AppError(404, 'not_found');
  const articles = await campaignArticles(ctx.tx, ctx.tenant, ctx.deps.config.publicUrl, campaign);
  // The test says whether opens and clicks will be counted, but its own links go straight to the articles.
  const mail = renderCampaignMail(
    locale,
    { subject: campaign.subject, intro: campaign.intro, articles },
    sender,
    ctx.tenant.settings.newsletterTracking ? {} : undefined,
  );
  const sample = joinBlock('ja');
  const note =
    locale === 'ja'
      ? '（テスト送信: 未参加の方には、この位置に本人用の参加リンクが入ります）'
      : '(Test: people who have not joined get their own join link here)';
  const filled = fillForTest(mail, {
    name: ctx.actor.displayName,
    unsubscribe: `${ctx.deps.config.publicUrl}/stop/${encodeURIComponent(ctx.tenant.slug)}`,
    join: {
      text: sample.text.replace('{{joinUrl}}', note),
      html: sample.html.replace('{{joinUrl}}', '#').replace('</a></p>', `</a><br>${note}</p>`),
    },
  });
  await queueMail(
    ctx.deps.jobs,
    ctx.tx,
    { to: account.email, subject: filled.subject, text: filled.text, html: filled.html },
    { lane: 'immediate' },
  );
  return { sentTo: account.email };
}

/**
 * The job newsletters.send: delivers a campaign that is due (scheduled and its time has come, or taken
 * by send now) through the programmes delivery, in one transaction with the campaign's row locked, and
 * marks it sent. A cancelled, rescheduled-later or already sent campaign is left alone, and delivering
 * twice sends nothing more (delivery records are unique per recipient). Returns whether it sent.
 */
export async function sendDueCampaign(deps: Deps, data: { tenantId: string; campaignId: string }) {
  const [tenant] = await deps.database.db.select().from(tenants).where(eq(tenants.id, data.tenantId));
  if (!tenant) return false;
  return inTenant(deps.database.db, tenant.id, async (tx) => {
    const [campaign] = await tx
      .select()
      .from(newsletterCampaigns)
      .where(and(eq(newsletterCampaigns.tenantId, tenant.id), eq(newsletterCampaigns.id, data.campaignId)))
      .for('update');
    if (!campaign) return false;
    const due =
      campaign.status === 'sending' ||
      (campaign.status === 'scheduled' &&
        campaign.sendAt !== null &&
        campaign.sendAt.getTime() <= Date.now());
    if (!due) return false;
    const sender = campaignSender(tenant);
    const actor = campaign.sentBy ?? campaign.createdBy;
    if (!sender) {
      // The sender's address or contact was removed after scheduling: nothing goes out without them.
      await tx
        .update(newsletterCampaigns)
        .set({ status: 'cancelled', updatedAt: new Date() })
        .where(and(eq(newsletterCampaigns.tenantId, tenant.id), eq(newsletterCampaigns.id, campaign.id)));
      return false;
    }
    const articles = await campaignArticles(tx, tenant, deps.config.publicUrl, campaign);
    const content = { subject: campaign.subject, intro: campaign.intro, articles };
    // The setting as it is now decides for this campaign for good (kept in its row below).
    const tracked = tenant.settings.newsletterTracking === true;
    let tracking: CampaignTracking | undefined;
    if (tracked) {
      const links = [...new Set(articles.map((article) => article.url))];
      await recordTrackedLinks(tx, tenant.id, { kind: campaignProgramme, id: campaign.id }, links);
      tracking = { links };
    }
    const result = await deliver(
      { deps, tx, tenant, actor: { membershipId: actor } },
      {
        programme: { kind: campaignProgramme, id: campaign.id },
        spec: campaignAudience(campaign),
        purpose: campaignPurpose,
        channels: ['email'],
        mail: {
          ja: renderCampaignMail('ja', content, sender, tracking),
          en: renderCampaignMail('en', content, sender, tracking),
        },
        join: { invitedBy: actor, block: joinBlock('ja') },
        tracked,
      },
    );
    await tx
      .update(newsletterCampaigns)
      .set({
        status: 'sent',
        sentAt: new Date(),
        tracking: tracked,
        recipientCount: campaign.recipientCount + result.email.queued,
        updatedAt: new Date(),
      })
      .where(and(eq(newsletterCampaigns.tenantId, tenant.id), eq(newsletterCampaigns.id, campaign.id)));
    await recordAudit(tx, {
      tenantId: tenant.id,
      actorMembershipId: null,
      action: 'newsletter.sent',
      targetType: 'newsletter',
      targetId: campaign.id,
      data: { recipients: result.email.queued, scheduled: campaign.status === 'scheduled' },
    });
    return true;
  });
}
