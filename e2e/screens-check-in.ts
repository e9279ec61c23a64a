import type { TestClient } from '../server/test/client.js';
import type { BrowserSuite, Language } from './browser.js';
import { narrowPhone } from './browser.js';
import { checkScreen, type ScreenCheck } from './screens.js';

/** Chromium's switch for a stand-in camera (a moving test picture), so the scanner's live state can be shown. */
export const fakeCameraArgs = ['--use-fake-device-for-media-stream'];

const names = {
  ja: {
    qr: '受付用 QR コード',
    scan: 'カメラで QR コードを読み取る',
    stop: 'カメラを止める',
    unavailable: /^このブラウザではカメラを使えません/,
    denied: /^カメラの使用が許可されていません/,
    noCamera: /^カメラが見つかりません/,
    failed: /^カメラを起動できませんでした/,
  },
  en: {
    qr: 'Check-in QR code',
    scan: 'Scan the QR code with the camera',
    stop: 'Stop the camera',
    unavailable: /^The camera cannot be used in this browser/,
    denied: /^Camera access is not allowed/,
    noCamera: /^No camera was found/,
    failed: /^The camera could not be started/,
  },
} as const;

/**
 * How getUserMedia fails in each state the scanner explains; `unavailable` is a browser without
 * camera access at all (as over plain HTTP).
 */
const failures = {
  denied: 'NotAllowedError',
  noCamera: 'NotFoundError',
  failed: 'NotReadableError',
} as const;

/**
 * The screens that only appear after a tap, for the screen tour: the member's QR code on the page of
 * an event they are confirmed for, and 受付's camera running, refused, missing and failing.
 */
export async function checkInScreens(
  suite: BrowserSuite,
  { slug, eventId, member, staff }: { slug: string; eventId: string; member: TestClient; staff: TestClient },
  language: Language,
): Promise<ScreenCheck[]> {
  const base = `${suite.server.publicUrl}/t/${slug}`;
  const name = names[language];
  const checks: ScreenCheck[] = [];

  const own = await suite.pageAs(member, { language, size: narrowPhone });
  await own.page.goto(`${base}/events/${eventId}`);
  await own.page.getByRole('img', { name: name.qr }).waitFor();
  checks.push(await checkScreen(own.page, `${language} event page with the check-in QR code`));
  await own.context.close();

  const checkIn = `${base}/admin/events/${eventId}/check-in`;
  const live = await suite.contextAs(staff, { language, size: narrowPhone });
  await live.grantPermissions(['camera'], { origin: suite.server.publicUrl });
  const page = await live.newPage();
  await page.goto(checkIn);
  await page.getByRole('button', { name: name.scan }).click();
  await page.getByRole('button', { name: name.stop }).waitFor();
  await page.locator('.qr-scanner .hint').waitFor();
  checks.push(await checkScreen(page, `${language} check-in with the camera on`));
  await page.getByRole('button', { name: name.stop }).click();
  await live.close();

  type State = keyof typeof failures | 'unavailable';
  const states: [State, string | null][] = [
    ['unavailable', null],
    ...Object.entries(failures).map(([state, error]): [State, string] => [state as State, error]),
  ];
  for (const [state, error] of states) {
    const context = await suite.contextAs(staff, { language, size: narrowPhone });
    await context.addInitScript((errorName) => {
      if (!errorName) {
        Object.defineProperty(navigator, 'mediaDevices', { value: undefined });
        return;
      }
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('camera', errorName));
    }, error);
    const failing = await context.newPage();
    await failing.goto(checkIn);
    await failing.getByRole('button', { name: name.scan }).click();
    // Each state says why, in its own words.
    await failing.getByRole('alert').getByText(name[state]).waitFor();
    checks.push(await checkScreen(failing, `${language} check-in with the camera ${state}`));
    await context.close();
  }
  return checks;
}
