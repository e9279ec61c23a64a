import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Notice } from '../../app/ui';
import { ConsentChoices, type ConsentValues } from './ConsentChoices';
import { useCommunity } from './community-context';

type Blocked = { id: string; displayName: string; blockedAt: string };

/** Consent choices with their history, and the members I have blocked. */
export function PrivacySettings() {
  const { t, formatDateTime } = useI18n();
  const { slug, me, reload } = useCommunity();
  const [consents, setConsents] = useState<ConsentValues>(me.profile.consents);
  const [blocked, setBlocked] = useState<Blocked[]>([]);
  const [muted, setMuted] = useState<{ id: string; displayName: string }[]>([]);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api<{ blocked: Blocked[] }>('GET', `/t/${slug}/community/me/blocks`).then(
      (r) => setBlocked(r.blocked),
      setError,
    );
    api<{ muted: { id: string; displayName: string }[] }>('GET', `/t/${slug}/community/me/mutes`).then(
      (r) => setMuted(r.muted),
      setError,
    );
  }, [slug]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await api('PUT', `/t/${slug}/community/me/consents?source=settings`, {
        companyNews: consents.companyNews,
        listedInDirectory: consents.listedInDirectory,
        companyContact: consents.companyContact,
        policyVersion: me.policyVersion,
      });
      await reload();
      setNotice(t('consent.saved'));
    } catch (caught) {
      setError(caught);
    }
  };
  const unmute = async (id: string) => {
    try {
      await api('DELETE', `/t/${slug}/community/people/${id}/mute`);
      setMuted(muted.filter((m) => m.id !== id));
    } catch (caught) {
      setError(caught);
    }
  };
  const unblock = async (id: string) => {
    try {
      await api('DELETE', `/t/${slug}/community/people/${id}/block`);
      setBlocked(blocked.filter((b) => b.id !== id));
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section className="card">
      <h2>{t('profile.privacy')}</h2>
      <ErrorMessage error={error} />
      {notice && <Notice>{notice}</Notice>}
      <form onSubmit={save}>
        <ConsentChoices value={consents} onChange={setConsents} />
        <p className="muted small">{t('welcome.consentVersion', { version: me.policyVersion })}</p>
        <button type="submit">{t('consent.save')}</button>
      </form>
      <details>
        <summary>{t('consent.history')}</summary>
        <ul className="history">
          {me.consentHistory.map((event) => (
            <li key={`${event.at}-${event.purpose}`}>
              <time dateTime={event.at}>{formatDateTime(event.at)}</time>
              {t('consent.historySeparator')}
              {t('consent.historyChoice', {
                purpose: t(`consent.${event.purpose}`),
                choice: event.granted ? t('consent.granted') : t('consent.withdrawn'),
              })}{' '}
              <span className="muted small">
                {t('consent.historySource', {
                  source: t(`consent.source.${event.source as 'settings'}`),
                  version: event.policyVersion,
                })}
              </span>
            </li>
          ))}
        </ul>
      </details>
      <h3>{t('profile.muted')}</h3>
      {muted.length === 0 && <p className="muted">{t('profile.mutedNone')}</p>}
      <ul className="plain">
        {muted.map((member) => (
          <li key={member.id}>
            {member.displayName}{' '}
            <button type="button" className="link-button" onClick={() => unmute(member.id)}>
              {t('profile.unmute')}
            </button>
          </li>
        ))}
      </ul>
      <h3>{t('profile.blocked')}</h3>
      {blocked.length === 0 && <p className="muted">{t('profile.blockedNone')}</p>}
      <ul className="plain">
        {blocked.map((member) => (
          <li key={member.id}>
            {member.displayName}{' '}
            <button type="button" className="link-button" onClick={() => unblock(member.id)}>
              {t('profile.unblock')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
