import { useState } from 'react';
import { useParams } from 'react-router';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Notice } from '../../app/ui';

/** From the link in a notification or digest e-mail: one click stops that mail, no sign-in needed. */
export function UnsubscribePage() {
  const { slug = '' } = useParams();
  const { t } = useI18n();
  const params = new URLSearchParams(window.location.hash.slice(1));
  const digest = params.get('list') === 'digest';
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const stop = async () => {
    setError(null);
    try {
      await call(
        client.POST('/v1/unsubscribe', {
          body: {
            slug,
            member: params.get('member') ?? '',
            key: params.get('key') ?? '',
            list: digest ? 'digest' : 'notifications',
          },
        }),
      );
      setDone(true);
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <section className="card narrow">
      <h1>{t('unsubscribe.title')}</h1>
      {done ? (
        <Notice>{t(digest ? 'unsubscribe.digestDone' : 'unsubscribe.done')}</Notice>
      ) : (
        <>
          <p>{t(digest ? 'unsubscribe.digestExplain' : 'unsubscribe.explain')}</p>
          <ErrorMessage error={error} />
          <button type="button" onClick={stop}>
            {t('unsubscribe.confirm')}
          </button>
        </>
      )}
    </section>
  );
}
