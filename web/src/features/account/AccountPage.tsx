import { browserSupportsWebAuthn, startRegistration } from '@simplewebauthn/browser';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { call, client } from '../../app/api';
import { type Locale, useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { ErrorMessage, Field, Loading, Notice } from '../../app/ui';
import { ago, deviceName } from './session-name';

const signInMethods = ['magic_link', 'passkey', 'invitation'] as const;
type SignInMethod = (typeof signInMethods)[number];
const isSignInMethod = (method: string): method is SignInMethod =>
  (signInMethods as readonly string[]).includes(method);

const accountKeys = {
  sessions: ['account', 'sessions'] as const,
  passkeys: ['account', 'passkeys'] as const,
};

export function AccountPage() {
  const { t, locale, setLocale, formatDateTime } = useI18n();
  const { session, refresh } = useSession();
  const [displayName, setDisplayName] = useState(session?.account?.displayName ?? '');
  const queryClient = useQueryClient();
  const sessionsQuery = useQuery({
    queryKey: accountKeys.sessions,
    queryFn: ({ signal }) => call(client.GET('/v1/account/sessions', { signal })),
    staleTime: 0,
  });
  const passkeysQuery = useQuery({
    queryKey: accountKeys.passkeys,
    queryFn: ({ signal }) => call(client.GET('/v1/account/passkeys', { signal })),
  });
  const sessions = sessionsQuery.data?.sessions ?? [];
  const passkeys = passkeysQuery.data?.passkeys ?? [];
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const now = new Date();
  const methodName = (method: string) => (isSignInMethod(method) ? t(`method.${method}`) : method);

  /** A change, then the lists it may have changed are read again. */
  const run = async (work: () => Promise<unknown>, done?: string) => {
    setError(null);
    setNotice(null);
    try {
      await work();
      if (done) setNotice(done);
    } catch (caught) {
      setError(caught);
    } finally {
      await queryClient.invalidateQueries({ queryKey: ['account'] });
    }
  };

  const saveProfile = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await call(client.PATCH('/v1/account', { body: { displayName, locale } }));
      await refresh();
    }, t('common.saved'));
  };

  const changeLanguage = (next: Locale) => {
    setLocale(next);
    void run(() => call(client.PATCH('/v1/account', { body: { locale: next } })));
  };

  const addPasskey = () =>
    run(async () => {
      const started = await call(client.POST('/v1/account/passkeys/options'));
      const response = await startRegistration({
        // The server hands @simplewebauthn/server's options through as they are; its schema keeps them open.
        optionsJSON: started.options as unknown as Parameters<typeof startRegistration>[0]['optionsJSON'],
      });
      await call(
        client.POST('/v1/account/passkeys', {
          body: {
            challengeId: started.challengeId,
            name: t('account.passkeyDefaultName'),
            response: { ...response },
          },
        }),
      );
    }, t('account.passkeyAdded'));

  return (
    <section className="card">
      <h1>{t('account.title')}</h1>
      {notice && <Notice>{notice}</Notice>}
      <ErrorMessage error={error ?? sessionsQuery.error ?? passkeysQuery.error} />
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
              onClick={() =>
                run(() =>
                  call(client.DELETE('/v1/account/passkeys/{id}', { params: { path: { id: key.id } } })),
                )
              }
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
      {sessionsQuery.isPending && <Loading />}
      <ul className="list">
        {sessions.map((item) => (
          <li key={item.id} className="list-row">
            <div>
              {/* 「Chrome · Android · 3日前」; the full time and how it signed in on the next line. */}
              <strong>
                {[
                  deviceName(item.userAgent) ?? methodName(item.method),
                  ago(item.lastSeenAt, now, locale),
                ].join(' · ')}
              </strong>
              {item.current && <span className="badge">{t('account.thisDevice')}</span>}
              <span className="muted small">
                {methodName(item.method)} · {t('account.lastSeen', { when: formatDateTime(item.lastSeenAt) })}
              </span>
            </div>
            {!item.current && (
              <button
                type="button"
                className="secondary small"
                onClick={() =>
                  run(() =>
                    call(client.DELETE('/v1/account/sessions/{id}', { params: { path: { id: item.id } } })),
                  )
                }
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
