import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { TestClient } from '../server/test/client.js';
import { startTestServer, type TestServer } from '../server/test/harness.js';

export const chromiumPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);
export const webRoot = path.resolve('dist/web');

/** `extraArgs` add switches for one file's browser, such as a fake camera. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}

/** A phone-sized page, as most alumni use Enishi. */
export const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** Opens the newest mail to `email` in the dev mailbox (with that subject, if given) and follows its first link. */
export async function openMailLink(page: Page, server: TestServer, email: string, subject?: string) {
  await server.deps.jobs.drain();
  await page.goto(`${server.publicUrl}/dev/mailbox`);
  const mails = page.locator('article', { hasText: email });
  const mail = subject ? mails.filter({ has: page.getByRole('heading', { name: subject }) }) : mails;
  await mail.first().getByRole('link').first().click();
}

/** Signs in as a person does, in Japanese: asks for a link, follows it from the mailbox, lands in the app. */
export async function signInByMail(page: Page, server: TestServer, email: string) {
  await page.goto(`${server.publicUrl}/signin`);
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByRole('button', { name: 'リンクを送信' }).click();
  await page.getByText('メールをご確認ください').waitFor();
  await openMailLink(page, server, email, '【Enishi】サインイン用のリンク');
  await page.waitForURL((url) => !['/dev/', '/auth/'].some((start) => url.pathname.startsWith(start)));
}

/** The narrowest phone the app is designed for. */
export const narrowPhone = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true };

export type Language = 'ja' | 'en';
type ContextOptions = {
  language?: Language;
  /** The screen: `phone` (390 px) unless told; `narrowPhone` (360 px) or a desk size. */
  size?: { viewport: { width: number; height: number }; isMobile?: boolean; hasTouch?: boolean };
  userAgent?: string;
  /** Keep the language in the enishi_lang cookie, as after choosing it (default); false leaves it to the browser's locale. */
  pinLanguage?: boolean;
};

export type BrowserSuite = {
  /** The test server, started before the file's tests (only when Chromium is there). */
  readonly server: TestServer;
  readonly browser: Browser;
  /** A browser context in the chosen language, signed in as the client's account (signed out for null). */
  contextAs(client: TestClient | null, options?: ContextOptions): Promise<BrowserContext>;
  /** The same, with a page opened in it. */
  pageAs(
    client: TestClient | null,
    options?: ContextOptions,
  ): Promise<{ context: BrowserContext; page: Page }>;
};

/**
 * One server and one Chromium per e2e file: started in beforeAll (then `seed`, if given, with the
 * server), closed in afterAll. Without Chromium nothing starts and the file's suites are skipped.
 */
export function browserSuite(
  seed?: (server: TestServer) => Promise<void>,
  { chromiumArgs = [] }: { chromiumArgs?: string[] } = {},
): BrowserSuite {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!hasChromium) return;
    server = await startTestServer({}, { webRoot });
    browser = await launchChromium(chromiumArgs);
    await seed?.(server);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const suite: BrowserSuite = {
    get server() {
      if (!server) throw new Error('the e2e server has not started');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('Chromium has not started');
      return browser;
    },
    async contextAs(client, { language = 'ja', size = phone, userAgent, pinLanguage = true } = {}) {
      const context = await suite.browser.newContext({
        ...size,
        locale: language === 'ja' ? 'ja-JP' : 'en-US',
        ...(userAgent ? { userAgent } : {}),
      });
      const url = suite.server.publicUrl;
      await context.addCookies([
        ...(pinLanguage ? [{ name: 'enishi_lang', value: language, url }] : []),
        ...[...(client?.cookies ?? [])].map(([name, value]) => ({ name, value, url })),
      ]);
      return context;
    },
    async pageAs(client, options) {
      const context = await suite.contextAs(client, options);
      return { context, page: await context.newPage() };
    },
  };
  return suite;
}
