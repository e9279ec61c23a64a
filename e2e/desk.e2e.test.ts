import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { enterTenant } from '../server/db/scope.js';
import { createProfile } from '../server/modules/community/profiles.js';
import { TestClient } from '../server/test/client.js';
import { addTestMember, signIn, tenantWithMember } from '../server/test/factories.js';
import { browserSuite, hasChromium, narrowPhone, openMailLink } from './browser.js';
import { checkScreen } from './screens.js';

let slug: string;
let hrApi: TestClient;
let referrer: TestClient;
const segmentCount = 22;

/** A 1366×768 laptop, the smallest desk HR works at. */
const desk = { viewport: { width: 1366, height: 768 } };

// Readings in 五十音 order, leaving dates in the opposite order: sorting by either changes the first row.
const readings = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホ'.split('');
const givenNames = '愛以宇絵尾加木久毛子佐志寿世曽多知津手斗奈仁奴根乃波比布部保'.split('');
const recordCount = readings.length;
const nameOf = (i: number) => `名簿 ${givenNames[i]}`;
const memberName = (i: number) => `会員 ${givenNames[i]}`;
const leftOn = (i: number) => new Date(Date.UTC(2024, 11, 1) - (recordCount - i) * 86_400_000 * 20);

const suite = browserSuite(async (server) => {
  const tenant = await tenantWithMember(server, 'admin');
  slug = tenant.slug;
  hrApi = tenant.client;
  for (let i = 0; i < recordCount; i++) {
    const created = await hrApi.post(`/api/v1/t/${slug}/registry/records`, {
      employeeNumber: `D${String(i).padStart(4, '0')}`,
      familyName: '名簿',
      givenName: givenNames[i],
      familyNameKana: 'メイボ',
      givenNameKana: readings[i],
      emails: [`desk.${i}.${Date.now()}@example.jp`],
      leftOn: leftOn(i).toISOString().slice(0, 10),
      lastDepartment: '営業本部 第一営業部',
      contactConsent: 'granted',
    });
    expect(created.status).toBe(201);
  }
  // Members with readings, added in reverse so the list's 五十音 order is not the order they came in.
  for (let i = recordCount - 1; i >= 0; i--) {
    const added = await addTestMember(server, tenant.tenant.id, 'alumnus', { displayName: memberName(i) });
    await server.deps.database.db.transaction(async (tx) => {
      await enterTenant(tx, tenant.tenant.id);
      await createProfile(tx, tenant.tenant.id, added.membership.id, `カイイン ${readings[i]}`);
    });
    if (i === 0) referrer = await signIn(server, added.email);
  }
  for (let i = 0; i < segmentCount; i++) {
    const saved = await hrApi.post(`/api/v1/t/${slug}/registry/segments`, {
      name: `退職 ${2000 + i} 年以降`,
      filter: { leftFrom: 2000 + i },
    });
    expect(saved.status).toBe(201);
  }
  // Two ask to join (one of them a record in the registry), and a member refers two people.
  const visitor = new TestClient(server);
  for (const [index, email] of [
    [0, `join.known.${Date.now()}@example.jp`],
    [1, `join.new.${Date.now()}@example.jp`],
  ] as const) {
    const asked = await visitor.post('/api/v1/join-requests', {
      slug,
      email,
      familyName: index === 0 ? '名簿' : '申請',
      givenName: givenNames[index],
      familyNameKana: index === 0 ? 'メイボ' : 'シンセイ',
      givenNameKana: readings[index],
      leftYear: leftOn(index).getUTCFullYear(),
      department: '営業本部',
      message: index === 0 ? '同窓会の案内をいただきたく、申請しました。' : '',
    });
    expect(asked.status).toBe(202);
  }
  for (const name of ['紹介 一郎', '紹介 二郎']) {
    const referred = await referrer.post(`/api/v1/t/${slug}/referrals`, {
      email: `referred.${name.at(-2)}.${Date.now()}@example.jp`,
      name,
      note: '営業部で一緒でした。',
    });
    expect(referred.status).toBe(202);
  }
});

/** HR's console at a desk or on a phone. */
const consoleContext = (size: typeof desk | typeof narrowPhone, language: 'ja' | 'en') =>
  suite.contextAs(hrApi, { size, language });

/**
 * How many rows of the desk table one sees at once: its frame brought into view as HR scrolls to it,
 * rows wholly visible under the sticky header and above the bottom of the screen counted.
 */
async function visibleRows(page: Page) {
  await page.locator('.desk-table').evaluate((frame) => frame.scrollIntoView({ block: 'end' }));
  return page.evaluate(() => {
    const frame = document.querySelector('.desk-table')!.getBoundingClientRect();
    const head = document.querySelector('.desk-table thead')!.getBoundingClientRect();
    const bar = document.querySelector('.topbar')!.getBoundingClientRect();
    const top = Math.max(head.bottom, bar.bottom);
    const bottom = Math.min(window.innerHeight, frame.bottom);
    return [...document.querySelectorAll('.desk-table tbody tr')].filter((row) => {
      const box = row.getBoundingClientRect();
      return box.top >= top - 0.5 && box.bottom <= bottom + 0.5;
    }).length;
  });
}

/** The focused element's row index in a desk table, or its accessible label. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    return element?.getAttribute('data-index') ?? element?.getAttribute('id') ?? element?.tagName;
  });

const headers = (page: Page) => page.locator('.desk-table thead th').allInnerTexts();
const firstRowName = (page: Page) => page.locator('.desk-table tbody tr').first().locator('th').textContent();

describe.skipIf(!hasChromium)('the registry on a desk and on a phone', () => {
  let context: BrowserContext;
  afterAll(async () => {
    await context?.close();
  });

  it('shows at least 20 rows of a dense table at 1366×768, with a header that stays in view', async () => {
    context = await consoleContext(desk, 'ja');
    const page = await context.newPage();
    await page.goto(`${suite.server.publicUrl}/t/${slug}/admin/registry`);
    const table = page.getByRole('table', { name: /アルムナイ名簿/ });
    await table.waitFor();
    expect(await headers(page)).toEqual([
      '',
      '氏名',
      'フリガナ',
      '社員番号',
      '最終所属',
      '退職日',
      '状態',
      '同意',
      'タグ',
    ]);
    expect(await visibleRows(page)).toBeGreaterThanOrEqual(20);
    // Scrolling the table keeps its header where it was.
    // Scrolling the table moves its rows under a header that stays at the top of the frame.
    const header = page.getByRole('columnheader', { name: '社員番号' });
    const frame = page.locator('.desk-table');
    const firstRow = await page.locator('.desk-table tbody tr').first().boundingBox();
    await frame.evaluate((element) => element.scrollBy(0, 100));
    expect(await frame.evaluate((element) => element.scrollTop)).toBe(100);
    expect((await page.locator('.desk-table tbody tr').first().boundingBox())?.y).toBe(
      (firstRow?.y ?? 0) - 100,
    );
    const frameTop = await frame.evaluate(
      (element) => element.getBoundingClientRect().top + element.clientTop,
    );
    expect((await header.boundingBox())?.y).toBeCloseTo(frameTop, 0);
    await frame.evaluate((element) => element.scrollBy(0, 50));
    expect((await header.boundingBox())?.y).toBeCloseTo(frameTop, 0);
    const check = await checkScreen(page, 'registry at a desk');
    expect(check.violations).toEqual([]);
    expect(check.overflow).toBeLessThanOrEqual(0);
  });

  it('sorts by the columns the server can order by, marking the order for screen readers', async () => {
    const page = await context.newPage();
    await page.goto(`${suite.server.publicUrl}/t/${slug}/admin/registry`);
    await page.getByRole('table').waitFor();
    const readingHeader = page.getByRole('columnheader', { name: 'フリガナ' });
    await expect.poll(() => readingHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(await firstRowName(page)).toBe(nameOf(0));

    await page.getByRole('button', { name: '退職日' }).click();
    const leftHeader = page.getByRole('columnheader', { name: '退職日' });
    await expect.poll(() => leftHeader.getAttribute('aria-sort')).toBe('descending');
    await expect.poll(() => firstRowName(page)).toBe(nameOf(recordCount - 1));
    expect(await readingHeader.getAttribute('aria-sort')).toBeNull();
    expect(page.url()).toContain('sort=leftOn');
  });

  it('keeps the chosen and reordered columns across a reload', async () => {
    const page = await context.newPage();
    await page.goto(`${suite.server.publicUrl}/t/${slug}/admin/registry`);
    await page.getByRole('table').waitFor();
    await page.getByText('表示する列').click();
    await page.getByRole('checkbox', { name: '社員番号' }).uncheck();
    await page.getByRole('button', { name: '「タグ」を左へ' }).click();
    const chosen = ['', '氏名', 'フリガナ', '最終所属', '退職日', '状態', 'タグ', '同意'];
    await expect.poll(() => headers(page)).toEqual(chosen);
    await page.reload();
    await page.getByRole('table').waitFor();
    expect(await headers(page)).toEqual(chosen);
    await page.getByText('表示する列').click();
    await page.getByRole('button', { name: '初期の列に戻す' }).click();
    await expect.poll(() => headers(page)).toContain('社員番号');
  });

  it('moves between rows with the arrow keys and opens a record with Enter', async () => {
    const page = await context.newPage();
    await page.goto(`${suite.server.publicUrl}/t/${slug}/admin/registry`);
    await page.getByRole('table').waitFor();
    // The rows are one stop in the tab order, right after the header's last sort button.
    await page.getByRole('button', { name: '退職日' }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-index'))).toBe('0');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-index'))).toBe('1');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/admin\/registry\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 2, name: nameOf(1) }).waitFor();
  });

  it('tags the selected rows in one step', async () => {
    const page = await context.newPage();
    await page.goto(`${suite.server.publicUrl}/t/${slug}/admin/registry`);
    await page.getByRole('table').waitFor();
    await page.getByRole('checkbox', { name: nameOf(2) }).check();
    // Space on a focused row selects it, as the caption says.
    await page.locator('.desk-table tbody tr').nth(3).focus();
    await page.keyboard.press(' ');
    await page.getByText('2 件を選択中').first().waitFor();
    await page.getByLabel('タグ名').fill('説明会2026');
    await page.getByRole('button', { name: 'タグを付ける' }).click();
    await page.getByText('2 件を更新しました。').waitFor();
    const tagged = page.locator('.desk-table tbody tr', { hasText: '説明会2026' });
    await expect.poll(() => tagged.locator('th').allInnerTexts()).toEqual([nameOf(2), nameOf(3)]);
    const stored = await hrApi.get<{ records: { givenName: string }[] }>(
      `/api/v1/t/${slug}/registry/records?tag=${encodeURIComponent('説明会2026')}`,
    );
    expect(stored.body.records.map((r) => r.givenName).sort()).toEqual([givenNames[2], givenNames[3]].sort());
  });

  it('selects every row on the page from the header, and is free of axe violations in English', async () => {
    const english = await consoleContext(desk, 'en');
    const page = await english.newPage();
    await page.goto(`${suite.server.publicUrl}/t/${slug}/admin/registry`);
    await page.getByRole('table', { name: /Alumni registry/ }).waitFor();
    await page.getByRole('checkbox', { name: 'Select everyone on this page' }).check();
    const rows = await page.locator('.desk-table tbody tr').count();
    expect(await page.locator('.desk-table tbody input:checked').count()).toBe(rows);
    await page.getByText('Columns', { exact: true }).click();
    const check = await checkScreen(page, 'registry at a desk (en)');
    expect(check.violations).toEqual([]);
    await english.close();
  });

  it('lists invitations as a table at a desk: a reminder for those still waiting, none for one who joined', async () => {
    const listed = await hrApi.get<{ records: { id: string; email: string | null }[] }>(
      `/api/v1/t/${slug}/registry/records?limit=3`,
    );
    const sent = await hrApi.post<{ sent: number }>(`/api/v1/t/${slug}/registry/invitations`, {
      recordIds: listed.body.records.map((record) => record.id),
      locale: 'ja',
      subject: 'ご招待',
      body: '{氏名} 様\n{リンク}',
      reminderAfterDays: 7,
    });
    expect(sent.body.sent).toBe(3);
    // One of them joins from the mail, as an invitee does, without any call failing on the way.
    const invitee = await suite.contextAs(null, { size: narrowPhone });
    const joining = await invitee.newPage();
    const failed: string[] = [];
    joining.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (path.startsWith('/api/') && response.status() >= 400) failed.push(`${response.status()} ${path}`);
    });
    await openMailLink(joining, suite.server, listed.body.records[0]!.email!);
    await joining.waitForURL(`**/invite/${slug}**`);
    await joining.getByRole('button', { name: '参加する' }).click();
    await joining.waitForURL(`**/t/${slug}/welcome`);
    expect(failed).toEqual([]);
    await invitee.close();

    const page = await context.newPage();
    await page.goto(`${suite.server.publicUrl}/t/${slug}/admin/invitations`);
    const table = page.getByRole('table', { name: /招待の状況/ });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(3);
    expect(await page.locator('thead th').allTextContents()).toEqual([
      '氏名',
      'メールアドレス',
      '状態',
      '送信',
      'リンクを開いた',
      '参加',
      'リマインド',
    ]);
    const joined = table.locator('tbody tr', { hasText: '参加済み' });
    expect(await joined.count()).toBe(1);
    expect(await joined.textContent()).not.toContain('リマインド');
    const waiting = table.locator('tbody tr', { hasNotText: '参加済み' });
    expect(await waiting.count()).toBe(2);
    for (const row of await waiting.all()) expect(await row.textContent()).toContain('リマインド予定');
    const check = await checkScreen(page, 'invitations at a desk');
    expect(check.violations).toEqual([]);
    expect(check.overflow).toBeLessThanOrEqual(0);
  });

  it('keeps the cards on a 360 px phone, without sideways scrolling', async () => {
    for (const language of ['ja', 'en'] as const) {
      const phone = await consoleContext(narrowPhone, language);
      const page = await phone.newPage();
      await page.goto(`${suite.server.publicUrl}/t/${slug}/admin/registry`);
      await page.locator('.record-row').first().waitFor();
      expect(await page.locator('table').count()).toBe(0);
      expect(await page.locator('.record-row').count()).toBe(recordCount);
      const check = await checkScreen(page, `registry on a phone (${language})`);
      expect(check.violations).toEqual([]);
      expect(check.overflow).toBeLessThanOrEqual(0);
      await phone.close();
    }
  });
});

describe.skipIf(!hasChromium)('members on a desk and on a phone', () => {
  it('lists members as a dense table in kana order, at least 20 rows in view', async () => {
    const context = await consoleContext(desk, 'ja');
    const page = await context.newPage();
    await page.goto(`${suite.server.publicUrl}/t/${slug}/admin/members`);
    const table = page.getByRole('table', { name: /メンバー/ });
    await table.waitFor();
    expect(await headers(page)).toEqual([
      '表示名',
      'フリガナ',
      'メールアドレス',
      '役割',
      '状態',
      '参加日',
      '操作',
    ]);
    // The server pages by reading only: the column says so, and nothing offers another order.
    expect(await page.getByRole('columnheader', { name: 'フリガナ' }).getAttribute('aria-sort')).toBe(
      'ascending',
    );
    expect(await table.locator('thead button').count()).toBe(0);
    const names = await table.locator('tbody th').allInnerTexts();
    expect(names.filter((name) => name.startsWith('会員'))).toEqual(readings.map((_, i) => memberName(i)));
    expect(await table.locator('tbody tr', { hasText: memberName(0) }).textContent()).toContain(
      `カイイン ${readings[0]}`,
    );
    expect(await visibleRows(page)).toBeGreaterThanOrEqual(20);
    const check = await checkScreen(page, 'members at a desk');
    expect(check.violations).toEqual([]);
    expect(check.overflow).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('moves between member rows with the arrow keys and reaches a row’s role with Tab', async () => {
    const context = await consoleContext(desk, 'ja');
    const page = await context.newPage();
    await page.goto(`${suite.server.publicUrl}/t/${slug}/admin/members`);
    const table = page.getByRole('table', { name: /メンバー/ });
    await table.waitFor();
    const names = await table.locator('tbody th').allInnerTexts();
    const target = names.indexOf(memberName(2));
    // The rows are one stop in the tab order, right after the filters.
    await page.locator('#member-role-filter').focus();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('0');
    for (let i = 0; i < target + 1; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect(await focused(page)).toBe(String(target));
    // Tab goes into that row's controls only; Shift+Tab comes back to the row.
    await page.keyboard.press('Tab');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('id')))
      .toMatch(/^role-/);
    const roleLabel = await page.evaluate(
      () => document.querySelector(`label[for="${document.activeElement?.id}"]`)?.textContent,
    );
    expect(roleLabel).toBe(`${memberName(2)} さんの役割`);
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe(String(target));
    await page.keyboard.press('End');
    expect(await focused(page)).toBe(String(names.length - 1));
    await page.keyboard.press('Home');
    expect(await focused(page)).toBe('0');
    await context.close();
  });

  it('asks before suspending from the table, and changes nothing when cancelled', async () => {
    const context = await consoleContext(desk, 'ja');
    const page = await context.newPage();
    await page.goto(`${suite.server.publicUrl}/t/${slug}/admin/members`);
    const row = page.locator('.desk-table tbody tr', { hasText: memberName(5) });
    await row.getByText(`${memberName(5)} さんの操作`).click();
    await row.getByRole('button', { name: '利用停止' }).click();
    await row
      .getByRole('alert')
      .getByText(`${memberName(5)} さんを利用停止にしますか？`, { exact: false })
      .waitFor();
    await row.getByRole('button', { name: 'キャンセル' }).click();
    expect(await row.getByText('利用停止中').count()).toBe(0);
    await row.getByText(`${memberName(5)} さんの操作`).click();
    await row.getByRole('button', { name: '利用停止' }).click();
    await row.getByRole('alert').getByRole('button', { name: '利用停止' }).click();
    await row.getByText('利用停止中').waitFor();
    await context.close();
  });

  it('is free of axe violations in English, and keeps the cards on a 360 px phone', {
    timeout: 180_000,
  }, async () => {
    const english = await consoleContext(desk, 'en');
    const page = await english.newPage();
    await page.goto(`${suite.server.publicUrl}/t/${slug}/admin/members`);
    await page.getByRole('table', { name: /Members/ }).waitFor();
    const check = await checkScreen(page, 'members at a desk (en)');
    expect(check.violations).toEqual([]);
    await english.close();
    for (const language of ['ja', 'en'] as const) {
      const phone = await consoleContext(narrowPhone, language);
      const phonePage = await phone.newPage();
      await phonePage.goto(`${suite.server.publicUrl}/t/${slug}/admin/members`);
      await phonePage.locator('.member-row').first().waitFor();
      expect(await phonePage.locator('table').count()).toBe(0);
      expect(await phonePage.locator('.member-row', { hasText: '会員' }).count()).toBe(recordCount);
      const onPhone = await checkScreen(phonePage, `members on a phone (${language})`);
      expect(onPhone.violations).toEqual([]);
      expect(onPhone.overflow).toBeLessThanOrEqual(0);
      await phone.close();
    }
  });
});

describe.skipIf(!hasChromium)('join requests and segments on a desk and on a phone', () => {
  it('lists join requests and referrals as tables, moved through with the keys, decided in the row', async () => {
    const context = await consoleContext(desk, 'ja');
    const page = await context.newPage();
    await page.goto(`${suite.server.publicUrl}/t/${slug}/admin/requests`);
    const requests = page.getByRole('table', { name: /参加申請/ });
    await requests.waitFor();
    expect(await requests.locator('thead th').allInnerTexts()).toEqual([
      '氏名',
      'フリガナ',
      'メールアドレス',
      '在籍・所属',
      'メッセージ',
      '受付日時',
      '名簿の候補',
      '対応',
    ]);
    expect(await requests.locator('tbody tr').count()).toBe(2);
    const known = requests.locator('tbody tr', { hasText: nameOf(0) }).first();
    expect(await known.textContent()).toContain('同窓会の案内をいただきたく');
    const referrals = page.getByRole('table', { name: /紹介/ });
    expect(await referrals.locator('tbody tr').count()).toBe(2);
    expect(await referrals.locator('tbody tr').first().textContent()).toContain(memberName(0));
    const check = await checkScreen(page, 'join requests at a desk');
    expect(check.violations).toEqual([]);
    expect(check.overflow).toBeLessThanOrEqual(0);

    // ↓ moves to the next request; Tab reaches that row's decisions, not those of the row before.
    await requests.locator('tbody tr').first().focus();
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toBe('1');
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => [
        document.activeElement?.tagName,
        document.activeElement?.closest('tr')?.getAttribute('data-index'),
      ]),
    ).toEqual(['BUTTON', '1']);

    await known.getByRole('button', { name: 'この記録として承認' }).click();
    await page.getByText('承認し、招待を送りました。').waitFor();
    await expect.poll(() => requests.locator('tbody tr').count()).toBe(1);
    await referrals
      .locator('tbody tr', { hasText: '紹介 二郎' })
      .getByRole('button', { name: '見送る' })
      .click();
    await expect.poll(() => referrals.locator('tbody tr').count()).toBe(1);
    await context.close();
  });

  it('lists segments as a table with at least 20 rows in view, and opens one with Enter', async () => {
    const context = await consoleContext(desk, 'ja');
    const page = await context.newPage();
    await page.goto(`${suite.server.publicUrl}/t/${slug}/admin/segments`);
    const table = page.getByRole('table', { name: /セグメント/ });
    await table.waitFor();
    expect(await table.locator('thead th').allInnerTexts()).toEqual(['セグメント名', '件数', '操作']);
    expect(await table.locator('tbody tr').count()).toBe(segmentCount);
    expect(await visibleRows(page)).toBeGreaterThanOrEqual(20);
    const check = await checkScreen(page, 'segments at a desk');
    expect(check.violations).toEqual([]);
    expect(check.overflow).toBeLessThanOrEqual(0);
    await table.locator('tbody tr').first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const name = await table.locator('tbody tr').nth(2).locator('th').textContent();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/admin\/registry\?segment=[0-9a-f-]{36}$/);
    const saved = await hrApi.get<{ segments: { id: string; name: string }[] }>(
      `/api/v1/t/${slug}/registry/segments`,
    );
    const opened = saved.body.segments.find((segment) => segment.name === name);
    expect(new URL(page.url()).searchParams.get('segment')).toBe(opened?.id);
    await page.getByRole('table', { name: /アルムナイ名簿/ }).waitFor();
    await context.close();
  });

  it('is free of axe violations in English, and keeps the cards on a 360 px phone', {
    timeout: 180_000,
  }, async () => {
    const english = await consoleContext(desk, 'en');
    const page = await english.newPage();
    for (const [path, name] of [
      ['requests', /Join requests/],
      ['segments', /Segments/],
    ] as const) {
      await page.goto(`${suite.server.publicUrl}/t/${slug}/admin/${path}`);
      await page.getByRole('table', { name }).waitFor();
      const check = await checkScreen(page, `${path} at a desk (en)`);
      expect(check.violations).toEqual([]);
    }
    await english.close();
    for (const language of ['ja', 'en'] as const) {
      const phone = await consoleContext(narrowPhone, language);
      const phonePage = await phone.newPage();
      for (const path of ['requests', 'segments']) {
        await phonePage.goto(`${suite.server.publicUrl}/t/${slug}/admin/${path}`);
        await phonePage.locator('.list-row, .card').first().waitFor();
        expect(await phonePage.locator('table').count()).toBe(0);
        const onPhone = await checkScreen(phonePage, `${path} on a phone (${language})`);
        expect(onPhone.violations).toEqual([]);
        expect(onPhone.overflow).toBeLessThanOrEqual(0);
      }
      await phone.close();
    }
  });
});
