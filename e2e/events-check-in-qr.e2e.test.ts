import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { eventRegistrations } from '../server/db/schema/index.js';
import { enterTenant } from '../server/db/scope.js';
import {
  createEvent,
  memberBase,
  network,
  type OwnRegistration,
} from '../server/modules/events/event-test-factories.js';
import { communityMember } from '../server/test/community-factories.js';
import { browserSuite, hasChromium } from './browser.js';
import { writeQrCameraFile } from './fake-camera.js';
import { checkScreen } from './screens.js';

/** The code Chromium's fake camera shows; the attendee's registration is given it before the scan. */
const cameraCode = 'QRCAM234';
const cameraFile = path.join(tmpdir(), `enishi-e2e-camera-${process.pid}.y4m`);
writeQrCameraFile(cameraFile, cameraCode);
const suite = browserSuite(undefined, {
  chromiumArgs: ['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${cameraFile}`],
});

async function expectClean(page: Page, screen: string) {
  const check = await checkScreen(page, screen);
  expect(check.violations, screen).toEqual([]);
  expect(check.overflow, screen).toBeLessThanOrEqual(0);
}

/** What a camera reads from the element's picture on screen (centred, clear of the bottom tab bar). */
async function readQr(page: Page, name: string) {
  const picture = page.getByRole('img', { name });
  await picture.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  const png = await picture.screenshot();
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data ?? null;
}

describe.skipIf(!hasChromium)('check-in by QR code', () => {
  it('shows the attendee a QR code of their check-in code, and staff check them in by scanning it with the camera', {
    timeout: 180_000,
  }, async () => {
    const server = suite.server;
    const net = await network(server);
    const tenant = { id: net.id, slug: net.slug };
    const event = await createEvent(net, { title: '春の勉強会' });
    const attendee = await communityMember(server, tenant, { displayName: '読取 花子' });
    const registered = await attendee.client.post<{ registration: OwnRegistration }>(
      `${memberBase(net)}/${event.id}/registration`,
      {},
    );
    expect(registered.status).toBe(201);
    const code = registered.body.registration.checkInCode!;

    // The attendee's screen: the QR code holds exactly the code printed under it.
    const member = (await suite.pageAs(attendee.client)).page;
    await member.goto(`${server.publicUrl}/t/${net.slug}/events/${event.id}`);
    await member.getByText(`${code.slice(0, 4)} ${code.slice(4)}`).waitFor();
    expect(await readQr(member, '受付用 QR コード')).toBe(code);
    await expectClean(member, 'event page with the check-in QR code (ja)');

    // The fake camera shows a fixed code: the registration is given it, as if its phone were held up.
    await server.deps.database.db.transaction(async (tx) => {
      await enterTenant(tx, net.id);
      await tx
        .update(eventRegistrations)
        .set({ checkInCode: cameraCode })
        .where(and(eq(eventRegistrations.tenantId, net.id), eq(eventRegistrations.eventId, event.id)));
    });

    const staff = await suite.contextAs(net.hr);
    await staff.grantPermissions(['camera'], { origin: server.publicUrl });
    const page = await staff.newPage();
    await page.goto(`${server.publicUrl}/t/${net.slug}/admin/events/${event.id}/check-in`);
    await page.getByText('出席 0 人 / 参加確定 1 人').waitFor();
    await page.getByRole('button', { name: 'カメラで QR コードを読み取る' }).click();
    await page.getByText('読取 花子 さんの出席を記録しました。').waitFor();
    await page.getByText('出席 1 人 / 参加確定 1 人').waitFor();
    // The code stays in view: it is not sent again, so nothing turns into 受付済み.
    await page.getByText('参加者の QR コードをカメラに映してください。').waitFor();
    await expectClean(page, 'check-in with the camera on (ja)');
    expect(await page.getByText(/受付済みです/).count()).toBe(0);
    await page.getByRole('button', { name: 'カメラを止める' }).click();
    await page.getByRole('button', { name: 'カメラで QR コードを読み取る' }).waitFor();
    const registrations = await net.hr.get<{ registrations: { attendedAt: string | null }[] }>(
      `/api/v1/t/${net.slug}/events/${event.id}/registrations`,
    );
    expect(registrations.body.registrations.map((r) => r.attendedAt !== null)).toEqual([true]);
  });

  it('says why when the camera is refused or missing, and the typed code still checks people in', {
    timeout: 120_000,
  }, async () => {
    const server = suite.server;
    const net = await network(server);
    const tenant = { id: net.id, slug: net.slug };
    const event = await createEvent(net, { title: '夏の勉強会' });
    const attendee = await communityMember(server, tenant, { displayName: '入力 太郎' });
    const registered = await attendee.client.post<{ registration: OwnRegistration }>(
      `${memberBase(net)}/${event.id}/registration`,
      {},
    );
    const checkInPage = `${server.publicUrl}/t/${net.slug}/admin/events/${event.id}/check-in`;

    // Permission not given (the browser's prompt answered no).
    const refused = (await suite.pageAs(net.hr)).page;
    await refused.goto(checkInPage);
    await refused.getByRole('button', { name: 'カメラで QR コードを読み取る' }).click();
    await refused
      .getByRole('alert')
      .getByText(/カメラの使用が許可されていません。/)
      .waitFor();
    await expectClean(refused, 'check-in with the camera refused (ja)');

    // A browser without camera access at all (as over plain HTTP), in English.
    const bare = await suite.contextAs(net.hr, { language: 'en' });
    await bare.addInitScript(() => Object.defineProperty(navigator, 'mediaDevices', { value: undefined }));
    const english = await bare.newPage();
    await english.goto(checkInPage);
    await english.getByRole('button', { name: 'Scan the QR code with the camera' }).click();
    await english
      .getByRole('alert')
      .getByText(/The camera cannot be used in this browser/)
      .waitFor();
    await english.getByLabel('Check-in code').fill(registered.body.registration.checkInCode!);
    await english.getByRole('button', { name: 'Check in', exact: true }).click();
    await english.getByText('入力 太郎 is checked in.').waitFor();
  });
});
