import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { ErrorMessage, Loading, Notice } from '../../app/ui';
import { tenantName } from '../tenancy/tenant-name';

type View = {
  network: { slug: string; nameJa: string; nameEn: string };
  name: string;
  email: string;
  joined: boolean;
};

/** Where the invitation mail's link lands: one button to join, signed in straight away. */
export function InviteLandingPage() {
  const { slug } = useParams();
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const session = useSession();
  // Read once: after joining, the router moves to the welcome page while this page may render once
  // more; a token re-read from the new address would be empty and open the invitation again (422).
  const [token] = useState(() => new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '');
  const [view, setView] = useState<View | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [declined, setDeclined] = useState(false);

  useEffect(() => {
    api<View>('POST', '/invitations/open', { slug, token }).then(setView, setError);
  }, [slug, token]);

  const join = async () => {
    setBusy(true);
    try {
      const result = await api<{ redirectTo: string }>('POST', '/invitations/accept', { slug, token });
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
      await api('POST', '/invitations/decline', { slug, token });
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
