import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../../config.js';
import type { AppDatabase } from '../../db/client.js';
import { devMailbox } from '../../db/schema/index.js';

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  /** Extra headers, e.g. RFC 8058 List-Unsubscribe for notification mail. */
  headers?: Record<string, string>;
};
export type MailTransport = (mail: OutgoingMail) => Promise<void>;

/**
 * With SMTP_URL mail goes out through nodemailer; without it, it is kept in the dev mailbox
 * (shown at /dev/mailbox) and logged, so a person can sign in with `npm start` alone.
 */
export function createMailTransport(config: Config, db: AppDatabase, logger: Logger): MailTransport {
  if (config.smtpUrl) {
    const transporter = nodemailer.createTransport(config.smtpUrl);
    return async (mail) => {
      await transporter.sendMail({
        from: config.mailFrom,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.headers ? { headers: mail.headers } : {}),
      });
    };
  }
  return async (mail) => {
    await db.insert(devMailbox).values({ recipient: mail.to, subject: mail.subject, textBody: mail.text });
    // The body holds sign-in links: printed only for a person developing on this machine.
    const body = config.devMailbox ? `:\n${mail.text}` : '';
    logger.info({ to: mail.to, subject: mail.subject }, `mail kept in the dev mailbox${body}`);
  };
}
