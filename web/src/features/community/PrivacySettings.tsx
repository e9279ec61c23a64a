import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Notice } from '../../app/ui';
import { ConsentChoices, type ConsentValues } from './ConsentChoices';
import { communityKeys, useCommunity } from './community-context';

/** Consent choices with their history, and the members I have blocked. */
export function PrivacySettings() {
  const { t, formatDateTime } = useI18n();
  const { slug, me, reload } = useCommunity();
  const [consents, setConsents] = useState<ConsentValues>(me.profile.consents);
  const queryClient = useQueryClient();
  const path = { slug };
  const blocks = useQuery({
    queryKey: communityKeys.blocks(slug),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/community/me/blocks', { params: { path }, signal })),
  });
  const mutes = useQuery({
    queryKey: communityKeys.mutes(slug),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/community/me/mutes', { params: { path }, signal })),
  });
  const blocked = blocks.data?.blocked ?? [];
  const muted = mutes.data?.muted ?? [];
  const [notice, setNotice] = useState('');
  const [writeError, setError] = useState<unknown>(null);
  const error = writeError ?? blocks.error ?? mutes.error;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await call(
        client.PUT('/v1/t/{slug}/community/me/consents', {
          params: { path, query: { source: 'settings' } },
          body: {
            companyNews: consents.companyNews,
            listedInDirectory: consents.listedInDirectory,
            companyContact: consents.companyContact,
            policyVersion: me.policyVersion,
          },
        }),
      );
      await reload();
      setNotice(t('consent.saved'));
    } catch (caught) {
      setError(caught);
    }
  };
  const unmute = async (id: string) => {
    try {
      await call(
        client.DELETE('/v1/t/{slug}/community/people/{id}/mute', { params: { path: { slug, id } } }),
      );
      // Their posts come back to my feeds.
      await queryClient.invalidateQueries({ queryKey: ['t', slug, 'community'] });
    } catch (caught) {
      setError(caught);
    }
  };
  const unblock = async (id: string) => {
    try {
      await call(
        client.DELETE('/v1/t/{slug}/community/people/{id}/block', { params: { path: { slug, id } } }),
      );
      await queryClient.invalidateQueries({ queryKey: ['t', slug, 'community'] });
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
