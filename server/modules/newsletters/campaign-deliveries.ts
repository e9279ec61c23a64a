import { and, eq, gt, sql } from 'drizzle-orm';
import { queryRows } from '../../db/raw.js';
import { auditEvents } from '../../db/schema/index.js';
import type { Locale } from '../../platform/i18n/messages.js';
import {
  type SpreadsheetEncoding,
  type SpreadsheetRow,
  writeSpreadsheetCsv,
} from '../../platform/spreadsheet/write-spreadsheet-csv.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { campaignCounts, campaignProgramme, findCampaign } from './campaigns.js';
import { campaignDeliveryStates, type DeliveryStatus } from './delivery-states.js';
import { auditNewsletter } from './newsletter-audit.js';

/** One recipient of a newsletter as the database holds it, with the consent the delivery relied on. */
export type CampaignDeliveryRow = {
  id: string;
  recipient_kind: 'member' | 'record';
  name: string | null;
  email: string;
  status: DeliveryStatus;
  queued_at: Date | string;
  sent_at: Date | string | null;
  consent_event_id: string | null;
  consent_granted: boolean | null;
  consent_policy_version: string | null;
  consent_source: string | null;
  consent_at: Date | string | null;
  record_consent: Record<string, unknown> | null;
  /** Whether the delivery counted opens and clicks (a row in programme_mail_tracking), and its counts. */
  tracked: boolean;
  first_opened_at: Date | string | null;
  opens: number | null;
  first_clicked_at: Date | string | null;
  clicks: number | null;
};

/**
 * The recipients of one campaign, with their state, address and the consent each mail went out under
 * (the member's ledger entry, or the record's consent as HR held it when the mail was queued). Names come
 * from the member's display name or the record; a record erased since has none, its proof stays.
 */
function deliveryRows(
  ctx: Pick<TenantServiceContext, 'tx' | 'tenant'>,
  campaignId: string,
  options: { status?: DeliveryStatus; limit?: number; offset?: number },
) {
  const filter = options.status ? sql`where d.status = ${options.status}` : sql``;
  const page =
    options.limit === undefined ? sql`` : sql`limit ${options.limit} offset ${options.offset ?? 0}`;
  return queryRows<CampaignDeliveryRow>(
    ctx.tx,
    sql`with d as (${campaignDeliveryStates(ctx.tenant.id, campaignProgramme, [campaignId])})
      select d.id, d.recipient_kind, d.email, d.status, d.queued_at, d.sent_at, d.record_consent,
        case when d.recipient_kind = 'member' then m.display_name
          else nullif(trim(r.family_name || ' ' || r.given_name), '') end as name,
        ce.id as consent_event_id, ce.granted as consent_granted, ce.policy_version as consent_policy_version,
        ce.source as consent_source, ce.created_at as consent_at,
        t.delivery_id is not null as tracked, t.first_opened_at, t.opens, t.first_clicked_at, t.clicks
      from d
      left join memberships m on m.tenant_id = ${ctx.tenant.id} and m.id = d.membership_id
      left join alumni_records r on r.tenant_id = ${ctx.tenant.id} and r.id = d.record_id
      left join consent_events ce on ce.tenant_id = ${ctx.tenant.id} and ce.id = d.consent_event_id
      left join programme_mail_tracking t on t.tenant_id = ${ctx.tenant.id} and t.delivery_id = d.id
      ${filter}
      order by name nulls last, d.id
      ${page}`,
  );
}

/**
 * Whether this staff member's visit already had this state and page audited. Only the last day is
 * looked at: a screen left open longer is audited again, and the search stays on recent entries.
 */
async function seenInVisit(
  ctx: TenantServiceContext,
  campaignId: string,
  view: { visit: string; status: DeliveryStatus | null; page: number },
) {
  const [seen] = await ctx.tx
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.tenantId, ctx.tenant.id),
        gt(auditEvents.createdAt, sql`now() - interval '1 day'`),
        eq(auditEvents.action, 'newsletter.deliveries_viewed'),
        eq(auditEvents.targetId, campaignId),
        eq(auditEvents.actorMembershipId, ctx.actor.membershipId),
        sql`${auditEvents.data} @> ${JSON.stringify(view)}::jsonb`,
      ),
    )
    .limit(1);
  return seen !== undefined;
}

/**
 * One page of a campaign's recipients, with the total for the filter. Each view is audited; within one
 * visit of the screen (which refreshes every 2 s while a send is going out), each state and page once.
 */
export async function listCampaignDeliveries(
  ctx: TenantServiceContext,
  campaignId: string,
  query: { status?: DeliveryStatus; page: number; limit: number; visit?: string | undefined },
) {
  await findCampaign(ctx, campaignId);
  const counts = (await campaignCounts(ctx, [campaignId])).get(campaignId)!;
  const total = query.status
    ? counts[query.status]
    : Object.values(counts).reduce((sum, count) => sum + count, 0);
  const rows = await deliveryRows(ctx, campaignId, {
    status: query.status,
    limit: query.limit,
    offset: (query.page - 1) * query.limit,
  });
  const view = { status: query.status ?? null, page: query.page };
  if (query.visit && (await seenInVisit(ctx, campaignId, { ...view, visit: query.visit }))) {
    return { rows, total };
  }
  await auditNewsletter(ctx, 'newsletter.deliveries_viewed', campaignId, {
    ...view,
    rows: rows.length,
    ...(query.visit ? { visit: query.visit } : {}),
  });
  return { rows, total };
}

const words = {
  ja: {
    headers: [
      '氏名',
      '区分',
      'メールアドレス',
      '状態',
      '送信予定に入った日時',
      '送信日時',
      '同意の記録',
      '同意の記録ID',
      '同意日時',
      '同意の取得元',
      '同意文言・規約の版',
    ],
    tracking: ['初回の開封日時', '開封回数', '初回のクリック日時', 'クリック回数'],
    kind: { member: 'メンバー', record: '未参加（名簿）' },
    status: {
      queued: '送信待ち',
      sent: '送信済み',
      failed: '送信失敗',
      bounced: '不達',
      unsubscribed: '配信停止',
    },
    proof: { member: '同意台帳', record: '名簿の連絡同意' },
    source: { onboarding: '参加時の同意', settings: '設定画面での同意' } as Record<string, string>,
    unnamed: '（削除された名簿）',
  },
  en: {
    headers: [
      'Name',
      'Kind',
      'E-mail address',
      'Status',
      'Queued at',
      'Sent at',
      'Consent record',
      'Consent record ID',
      'Consented at',
      'Consent source',
      'Wording or policy version',
    ],
    tracking: ['First opened at', 'Opens', 'First clicked at', 'Clicks'],
    kind: { member: 'Member', record: 'Not joined (registry)' },
    status: {
      queued: 'Queued',
      sent: 'Sent',
      failed: 'Failed',
      bounced: 'Bounced',
      unsubscribed: 'Unsubscribed',
    },
    proof: { member: 'Consent ledger', record: 'Registry contact consent' },
    source: { onboarding: 'Given on joining', settings: 'Given in settings' } as Record<string, string>,
    unnamed: '(deleted record)',
  },
} as const;

const iso = (value: Date | string | null | undefined) =>
  value === null || value === undefined || value === '' ? '' : new Date(value).toISOString();

/** The consent a delivery relied on, in one shape for members and records. */
export function deliveryConsent(row: CampaignDeliveryRow) {
  if (row.recipient_kind === 'member') {
    return {
      kind: 'ledger' as const,
      id: row.consent_event_id,
      at: iso(row.consent_at) || null,
      source: row.consent_source,
      version: row.consent_policy_version,
    };
  }
  const held = row.record_consent ?? {};
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
  return {
    kind: 'record' as const,
    id: null,
    at: text(held.at) ? iso(text(held.at)) : null,
    source: text(held.source),
    version: text(held.wordingVersion),
  };
}

/** A recipient's opens and clicks, or null when the campaign did not count them. */
export function deliveryTracking(row: CampaignDeliveryRow) {
  if (!row.tracked) return null;
  return {
    openedAt: iso(row.first_opened_at) || null,
    opens: row.opens ?? 0,
    clickedAt: iso(row.first_clicked_at) || null,
    clicks: row.clicks ?? 0,
  };
}

/** Every recipient of a campaign (or those in one state) as a spreadsheet; audited. */
export async function exportCampaignDeliveries(
  ctx: TenantServiceContext,
  campaignId: string,
  input: { status?: DeliveryStatus; encoding: SpreadsheetEncoding; locale: Locale },
) {
  const campaign = await findCampaign(ctx, campaignId);
  const rows = await deliveryRows(ctx, campaignId, { status: input.status });
  const w = words[input.locale];
  function* lines(): Generator<SpreadsheetRow> {
    for (const row of rows) {
      const consent = deliveryConsent(row);
      const name = row.name ?? w.unnamed;
      yield {
        ref: name,
        cells: [
          name,
          w.kind[row.recipient_kind],
          row.email,
          w.status[row.status],
          iso(row.queued_at),
          iso(row.sent_at),
          w.proof[row.recipient_kind],
          consent.id,
          consent.at,
          consent.source === null ? null : (w.source[consent.source] ?? consent.source),
          consent.version,
          ...trackingCells(row),
        ],
      };
    }
  }
  // Opens and clicks only for a campaign that counted them.
  const trackingCells = (row: CampaignDeliveryRow) => {
    if (!campaign.tracking) return [];
    const tracking = deliveryTracking(row);
    return [tracking?.openedAt ?? '', tracking?.opens ?? 0, tracking?.clickedAt ?? '', tracking?.clicks ?? 0];
  };
  const columns = campaign.tracking ? [...w.headers, ...w.tracking] : [...w.headers];
  const file = await writeSpreadsheetCsv({ columns, rows: lines(), encoding: input.encoding });
  await auditNewsletter(ctx, 'newsletter.deliveries_exported', campaignId, {
    status: input.status ?? null,
    rows: file.summary.rows,
    encoding: input.encoding,
  });
  return file;
}
