import { useQuery } from '@tanstack/react-query';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Loading } from '../../app/ui';

function linksIn(text: string): string[] {
  return text.match(/https?:\/\/\S+/g) ?? [];
}

/** Mail kept instead of sent when SMTP_URL is unset, so `npm start` alone lets a person sign in. */
export function MailboxPage() {
  const { t, formatDateTime } = useI18n();
  // New mail shows up by itself: the mailbox is read again every three seconds.
  const { data, error } = useQuery({
    queryKey: ['dev', 'mailbox'],
    queryFn: ({ signal }) => call(client.GET('/dev/mailbox', { signal })),
    refetchInterval: 3000,
    staleTime: 0,
  });
  const mails = data?.mails;
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
          {Object.keys(mail.headers).length > 0 && (
            <dl className="mail-headers small" aria-label={t('mailbox.headers')}>
              {Object.entries(mail.headers).map(([name, value]) => (
                <div key={name}>
                  <dt>{name}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          )}
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
