import { useState } from 'react';
import { useParams } from 'react-router';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Notice } from '../../app/ui';

/** From the stop link in a programme mail: one click stops that purpose's mail, no sign-in needed. */
export function StopMailPage() {
  const { slug = '' } = useParams();
  const { t } = useI18n();
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const stop = async () => {
    setError(null);
    try {
      await call(client.POST('/v1/programmes/unsubscribe', { body: { slug, token } }));
      setDone(true);
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <section className="card narrow">
      <h1>{t('stop.title')}</h1>
      {done ? (
        <Notice>{t('stop.done')}</Notice>
      ) : (
        <>
          <p>{t('stop.explain')}</p>
          <ErrorMessage error={error} />
          <button type="button" onClick={stop}>
            {t('stop.confirm')}
          </button>
        </>
      )}
    </section>
  );
}
