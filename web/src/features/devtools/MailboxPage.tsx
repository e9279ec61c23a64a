import { useEffect, useState } from 'react';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Loading } from '../../app/ui';

type Mail = { id: string; to: string; subject: string; text: string; createdAt: string };

function linksIn(text: string): string[] {
  return text.match(/https?:\/\/\S+/g) ?? [];
}

/** Mail kept instead of sent when SMTP_URL is unset, so `npm start` alone lets a person sign in. */
export function MailboxPage() {
  const { t, formatDateTime } = useI18n();
  const [mails, setMails] = useState<Mail[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const load = () =>
      api<{ mails: Mail[] }>('GET', '/api/dev/mailbox').then((result) => setMails(result.mails), setError);
    void load();
    const timer = window.setInterval(load, 3000);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <section className="card">
      <h1>{t('mailbox.title')}</h1>
      <p className="hint">{t('mailbox.lead')}</p>
      <ErrorMessage error={error} />
      {!mails && !error && <Loading />}
      {mails?.length === 0 && <p className="muted">{t('mailbox.empty')}</p>}
      {mails?.map((mail) => (
        <article key={mail.id} className="mail">
          <h2>{mail.subject}</h2>
          <p className="muted small">
            {t('mailbox.to')}: {mail.to} · {formatDateTime(mail.createdAt)}
          </p>
          <pre>{mail.text}</pre>
          {linksIn(mail.text).map((link) => (
            <a key={link} className="button secondary" href={link}>
              {t('mailbox.openLink')}
            </a>
          ))}
        </article>
      ))}
    </section>
  );
}
