import { browserSupportsWebAuthn, startAuthentication } from '@simplewebauthn/browser';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { ErrorMessage, Field, Notice } from '../../app/ui';

export function SignInPage() {
  const { t } = useI18n();
  const { session, refresh } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const next = params.get('next') ?? undefined;

  const sendLink = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await call(
        client.POST('/v1/auth/magic-link', { body: { email, ...(next ? { redirectTo: next } : {}) } }),
      );
      setSentTo(email);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const passkey = async () => {
    setError(null);
    try {
      const started = await call(client.POST('/v1/auth/passkey/options'));
      const response = await startAuthentication({
        // The server hands @simplewebauthn/server's options through as they are; its schema keeps them open.
        optionsJSON: started.options as unknown as Parameters<typeof startAuthentication>[0]['optionsJSON'],
      });
      const result = await call(
        client.POST('/v1/auth/passkey/verify', {
          body: { challengeId: started.challengeId, response: { ...response } },
        }),
      );
      await refresh();
      navigate(next ?? result.redirectTo);
    } catch (caught) {
      // A person closing the browser's passkey sheet is not an error worth showing.
      if (caught instanceof ApiError || !(caught instanceof Error && caught.name === 'NotAllowedError'))
        setError(caught);
    }
  };

  const emailError = error instanceof ApiError ? error.fieldError('email') : undefined;
  return (
    <section className="card narrow">
      <h1>{t('signIn.title')}</h1>
      {sentTo ? (
        <>
          <h2>{t('signIn.sentTitle')}</h2>
          <Notice>{t('signIn.sent', { email: sentTo })}</Notice>
        </>
      ) : (
        <form onSubmit={sendLink} noValidate>
          <Field
            label={t('signIn.email')}
            name="email"
            type="email"
            inputMode="email"
            autoComplete="email webauthn"
            value={email}
            onChange={setEmail}
            hint={t('signIn.emailHint')}
            error={emailError}
            required
          />
          {!emailError && <ErrorMessage error={error} />}
          <button type="submit" className="primary" disabled={busy}>
            {t('signIn.send')}
          </button>
        </form>
      )}
      <p className="divider">{t('signIn.or')}</p>
      {browserSupportsWebAuthn() ? (
        <button type="button" className="secondary" onClick={passkey}>
          {t('signIn.passkey')}
        </button>
      ) : (
        <p className="muted">{t('signIn.passkeyUnsupported')}</p>
      )}
      {session?.devMailbox && (
        <p>
          <Link to="/dev/mailbox">{t('signIn.devMailbox')}</Link>
        </p>
      )}
    </section>
  );
}
