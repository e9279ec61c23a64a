import { browserSupportsWebAuthn, startRegistration } from '@simplewebauthn/browser';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { api } from '../../app/api';
import { type Locale, useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { ErrorMessage, Field, Notice } from '../../app/ui';

type Session = {
  id: string;
  method: 'magic_link' | 'passkey' | 'invitation';
  userAgent: string;
  lastSeenAt: string;
  current: boolean;
};
type Passkey = { id: string; name: string; createdAt: string; lastUsedAt: string | null };
type RegistrationOptions = {
  challengeId: string;
  options: Parameters<typeof startRegistration>[0]['optionsJSON'];
};

export function AccountPage() {
  const { t, locale, setLocale, formatDateTime } = useI18n();
  const { session, refresh } = useSession();
  const [displayName, setDisplayName] = useState(session?.account?.displayName ?? '');
  const [sessions, setSessions] = useState<Session[]>([]);
  const [passkeys, setPasskeys] = useState<Passkey[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    const [s, p] = await Promise.all([
      api<{ sessions: Session[] }>('GET', '/account/sessions'),
      api<{ passkeys: Passkey[] }>('GET', '/account/passkeys'),
    ]);
    setSessions(s.sessions);
    setPasskeys(p.passkeys);
  }, []);
  useEffect(() => {
    load().catch(setError);
  }, [load]);

  const run = async (work: () => Promise<unknown>, done?: string) => {
    setError(null);
    setNotice(null);
    try {
      await work();
      if (done) setNotice(done);
      await load();
    } catch (caught) {
      setError(caught);
    }
  };

  const saveProfile = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await api('PATCH', '/account', { displayName, locale });
      await refresh();
    }, t('common.saved'));
  };

  const changeLanguage = (next: Locale) => {
    setLocale(next);
    void run(() => api('PATCH', '/account', { locale: next }));
  };

  const addPasskey = () =>
    run(async () => {
      const started = await api<RegistrationOptions>('POST', '/account/passkeys/options');
      const response = await startRegistration({ optionsJSON: started.options });
      await api('POST', '/account/passkeys', {
        challengeId: started.challengeId,
        name: t('account.passkeyDefaultName'),
        response,
      });
    }, t('account.passkeyAdded'));

  return (
    <section className="card">
      <h1>{t('account.title')}</h1>
      {notice && <Notice>{notice}</Notice>}
      <ErrorMessage error={error} />
      <form onSubmit={saveProfile}>
        <h2>{t('account.profile')}</h2>
        <p className="muted">{session?.account?.email}</p>
        <Field
          label={t('account.displayName')}
          name="displayName"
          value={displayName}
          onChange={setDisplayName}
          autoComplete="name"
        />
        <button type="submit" className="primary">
          {t('common.save')}
        </button>
      </form>

      <h2>{t('account.language')}</h2>
      <fieldset className="segmented">
        <legend className="visually-hidden">{t('account.language')}</legend>
        {(['ja', 'en'] as const).map((option) => (
          <label key={option}>
            <input
              type="radio"
              name="language"
              checked={locale === option}
              onChange={() => changeLanguage(option)}
            />
            {option === 'ja' ? '日本語' : 'English'}
          </label>
        ))}
      </fieldset>

      <h2>{t('account.passkeys')}</h2>
      <p className="hint">{t('account.passkeysHint')}</p>
      {passkeys.length === 0 && <p className="muted">{t('account.noPasskeys')}</p>}
      <ul className="list">
        {passkeys.map((key) => (
          <li key={key.id} className="list-row">
            <div>
              <strong>{key.name}</strong>
              <span className="muted small">{formatDateTime(key.createdAt)}</span>
            </div>
            <button
              type="button"
              className="danger small"
              onClick={() => run(() => api('DELETE', `/account/passkeys/${encodeURIComponent(key.id)}`))}
            >
              {t('common.remove')}
            </button>
          </li>
        ))}
      </ul>
      {browserSupportsWebAuthn() && (
        <button type="button" className="secondary" onClick={addPasskey}>
          {t('account.addPasskey')}
        </button>
      )}

      <h2>{t('account.sessions')}</h2>
      <ul className="list">
        {sessions.map((item) => (
          <li key={item.id} className="list-row">
            <div>
              <strong>{item.current ? t('account.thisDevice') : t(`method.${item.method}`)}</strong>
              <span className="muted small">{item.userAgent}</span>
              <span className="muted small">
                {t('account.lastSeen', { when: formatDateTime(item.lastSeenAt) })}
              </span>
            </div>
            {!item.current && (
              <button
                type="button"
                className="secondary small"
                onClick={() => run(() => api('DELETE', `/account/sessions/${item.id}`))}
              >
                {t('account.signOutDevice')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
