import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { ErrorMessage, Loading } from '../../app/ui';

/**
 * The token sits in the URL fragment, which browsers never send to a server; it is posted from here,
 * so a mail scanner that merely fetches the link cannot use it up.
 */
export function VerifyPage() {
  const { t } = useI18n();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
  const started = useRef(false);

  useEffect(() => {
    if (!token || started.current) return;
    started.current = true;
    call(client.POST('/v1/auth/verify', { body: { token } }))
      .then(async (result) => {
        history.replaceState(null, '', window.location.pathname);
        await refresh();
        navigate(result.redirectTo, { replace: true });
      })
      .catch(setError);
  }, [token, navigate, refresh]);

  if (!token || error) {
    return (
      <section className="card narrow">
        <h1>{t('verify.failed')}</h1>
        {error ? <ErrorMessage error={error} /> : <p>{t('verify.missing')}</p>}
        <Link to="/signin">{t('verify.again')}</Link>
      </section>
    );
  }
  return (
    <section className="card narrow">
      <h1>{t('verify.title')}</h1>
      <Loading />
    </section>
  );
}
