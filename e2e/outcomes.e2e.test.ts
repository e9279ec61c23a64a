import { readFile } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { auditEvents } from '../server/db/schema/index.js';
import { inTenant } from '../server/db/scope.js';
import { dataset, seedRecords } from '../server/modules/outcomes/outcome-test-factories.js';
import { tenantWithMember } from '../server/test/factories.js';
import { browserSuite, hasChromium, type Language } from './browser.js';

const suite = browserSuite();

/** The funnel table's figure for a step in this period, as a screen reader reads it. */
const stepFigure = (page: Page, step: string) =>
  page
    .getByRole('table', { name: 'ファネルの人数と転換率' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: step, exact: true }) })
    .getByRole('cell')
    .first();

async function figureIs(page: Page, step: string, text: string) {
  await page.waitForFunction(
    ([name, expected]) =>
      [...document.querySelectorAll('table')]
        .filter((table) => table.caption?.textContent === 'ファネルの人数と転換率')
        .flatMap((table) => [...table.querySelectorAll('tbody tr')])
        .some(
          (row) =>
            row.querySelector('th')?.textContent === name &&
            row.querySelector('td')?.textContent === expected,
        ),
    [step, text] as const,
  );
}

/**
 * The pages of a PDF as Chromium writes it: one uncompressed `/Type /Page` dictionary per page (the
 * `/Type /Pages` tree node excluded), and the tree's `/Count` says the same.
 */
function pdfPages(pdf: Buffer): { pages: number; count: number | null } {
  const text = pdf.toString('latin1');
  const pages = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
  const count =
    /\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/.exec(text) ??
    /\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/.exec(text);
  return { pages, count: count ? Number(count[1]) : null };
}

describe.skipIf(!hasChromium)('the outcomes dashboard', () => {
  it('HR opens 成果, switches period and cohort, and downloads a CSV whose numbers match the screen', async () => {
    const hr = await tenantWithMember(suite.server, 'admin');
    await seedRecords(suite.server, hr.tenant.id, dataset);
    const { page, context } = await suite.pageAs(hr.client, {
      size: { viewport: { width: 1280, height: 900 } },
    });
    await page.goto(`${suite.server.publicUrl}/t/${hr.slug}/admin`);
    await page.getByRole('link', { name: '成果', exact: true }).click();
    await page.getByRole('heading', { name: '成果', level: 2 }).waitFor();
    await figureIs(page, '退職者記録', '12');
    await figureIs(page, '参加', '9');

    await page.getByRole('radio', { name: '今年' }).check();
    await page.waitForURL(/period=year/);
    await figureIs(page, '退職者記録', '12');

    // The four who left in 2021 are too few to show; the 2019 leavers are eight.
    await page.getByLabel('退職年').selectOption('2021');
    await figureIs(page, '退職者記録', '5人未満');
    await page.getByLabel('退職年').selectOption('2019');
    await figureIs(page, '退職者記録', '8');
    const onScreen = await Promise.all(
      ['退職者記録', '連絡の同意あり', '招待済み', '参加', 'アクティブ（期末の 30 日間）'].map(async (step) =>
        (await stepFigure(page, step).textContent())?.trim(),
      ),
    );
    expect(onScreen).toEqual(['8', '7', '6', '5', '5']);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'CSV をダウンロード（UTF-8）' }).first().click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const inFile = ['退職者記録', '連絡の同意あり', '招待済み', '参加', 'アクティブ（期末の 30 日間）'].map(
      (step) =>
        csv
          .split('\r\n')
          .find((line) => line.startsWith(`ファネル,${step},`))
          ?.split(',')[2],
    );
    expect(inFile).toEqual(onScreen);

    // The report for management shows the period chosen on the dashboard: 参加 there is the members here.
    await page.getByLabel('退職年').selectOption('');
    await figureIs(page, '参加', '9');
    await page.getByRole('link', { name: '経営層向けレポート（A4 1 枚・印刷用）' }).click();
    await page.waitForURL(/\/admin\/outcomes\/report\?period=year/);
    const members = page
      .getByRole('table', { name: '主な成果（今期間と前期間）' })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: '参加している退職者（期末時点）', exact: true }) })
      .getByRole('cell')
      .first();
    await members.waitFor();
    expect((await members.textContent())?.trim()).toBe('9');
    // One view of the report is one audit entry, not one per figure it shows.
    const reportViews = await inTenant(suite.server.deps.database.db, hr.tenant.id, (tx) =>
      tx
        .select({ data: auditEvents.data })
        .from(auditEvents)
        .where(eq(auditEvents.action, 'outcomes.viewed')),
    );
    expect(
      reportViews.filter((view) => (view.data as { section?: string }).section === 'report'),
    ).toHaveLength(1);
    await page.getByRole('heading', { level: 2, name: /アルムナイネットワーク 成果報告/ }).waitFor();
    await page.getByRole('button', { name: '印刷 / PDF に保存' }).waitFor();
    // Printed, the console around the report is hidden.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.console-nav').isVisible()).toBe(false);
    expect(await page.getByRole('table', { name: '主な成果（今期間と前期間）' }).isVisible()).toBe(true);
    await context.close();
  });

  it('the report for management prints on exactly one A4 page, in Japanese and in English', async () => {
    const hr = await tenantWithMember(suite.server, 'admin');
    await seedRecords(suite.server, hr.tenant.id, dataset);
    // The agency-fee formula is the longest line the report prints under its table.
    const saved = await hr.client.put(`/api/v1/t/${hr.slug}/outcomes/cost-per-hire`, {
      costPerHire: { kind: 'agency_fee', percent: 35, annualSalaryYen: 12_000_000 },
    });
    expect(saved.status).toBe(200);
    for (const language of ['ja', 'en'] satisfies Language[]) {
      const { page, context } = await suite.pageAs(hr.client, {
        language,
        size: { viewport: { width: 1280, height: 900 } },
      });
      await page.goto(`${suite.server.publicUrl}/t/${hr.slug}/admin/outcomes/report?period=year`);
      await page.getByRole('table').getByRole('cell').first().waitFor();
      // As a browser's print dialog lays it out: A4 with the report's @page margins (page.pdf's own are 0).
      const margin = '14mm';
      const pdf = await page.pdf({
        format: 'A4',
        margin: { top: margin, right: margin, bottom: margin, left: margin },
      });
      expect(pdfPages(pdf)).toEqual({ pages: 1, count: 1 });
      await context.close();
    }
  });
});
