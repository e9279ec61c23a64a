import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { TestServer } from '../server/test/harness.js';

export const chromiumPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);
export const webRoot = path.resolve('dist/web');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
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
