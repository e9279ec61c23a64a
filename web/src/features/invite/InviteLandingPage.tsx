import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { ErrorMessage, Loading, Notice } from '../../app/ui';
import { tenantName } from '../tenancy/tenant-name';

/** Where the invitation mail's link lands: one button to join, signed in straight away. */
export function InviteLandingPage() {
  const { slug = '' } = useParams();
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const session = useSession();
  // Read once: after joining, the router moves to the welcome page while this page may render once
  // more; a token re-read from the new address would be empty and open the invitation again (422).
  const [token] = useState(() => new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '');
  // Opening is a read that the server also records (the invitation was opened): once per visit.
  const opened = useQuery({
    queryKey: ['invitation', slug, token],
    queryFn: () => call(client.POST('/v1/invitations/open', { body: { slug, token } })),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const view = opened.data;
  const [writeError, setError] = useState<unknown>(null);
  const error = writeError ?? opened.error;
  const [busy, setBusy] = useState(false);
  const [declined, setDeclined] = useState(false);

  const join = async () => {
    setBusy(true);
    try {
      const result = await call(client.POST('/v1/invitations/accept', { body: { slug, token } }));
      await session.refresh();
      navigate(result.redirectTo, { replace: true });
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  const decline = async () => {
    if (!window.confirm(t('landing.invite.declineConfirm'))) return;
    setBusy(true);
    try {
      await call(client.POST('/v1/invitations/decline', { body: { slug, token } }));
      setDeclined(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  if (error) return <ErrorMessage error={error} />;
  if (!view) return <Loading />;
  if (declined) return <Notice>{t('landing.invite.declined')}</Notice>;
  return (
    <section className="card narrow">
      <h1>{t('landing.invite.title', { network: tenantName(view.network, locale) })}</h1>
      <p>{t('landing.invite.greeting', { name: view.name })}</p>
      <p>{t('landing.invite.lead')}</p>
      {view.joined ? (
        <>
          <p>{t('landing.invite.joined')}</p>
          <button type="button" className="primary" onClick={join} disabled={busy}>
            {t('landing.invite.open')}
          </button>
        </>
      ) : (
        <>
          <p className="muted">{t('landing.invite.email', { email: view.email })}</p>
          <div className="actions">
            <button type="button" className="primary" onClick={join} disabled={busy}>
              {t('landing.invite.join')}
            </button>
            <button type="button" className="link-button" onClick={decline} disabled={busy}>
              {t('landing.invite.decline')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
