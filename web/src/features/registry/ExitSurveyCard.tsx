import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { call, client } from '../../app/api';
import type { Schemas } from '../../app/api/types';
import { useI18n } from '../../app/i18n';
import type { MessageKey } from '../../app/messages/ja';
import { ErrorMessage, Loading, Notice } from '../../app/ui';
import { exitSurveyAnchor } from '../surveys/ExitSurveySetting';
import { RecordConsents } from './RecordConsents';
import { registryKeys } from './registry-keys';

type Status = Schemas['ExitLinkStatus'];

/**
 * A leaver's exit survey on their record: whether a link was made and answered, making one (mailed to the
 * record's address, or shown once to copy and hand over on the last day), and the consent choices the
 * person made outside the app.
 */
export function ExitSurveyCard({ slug, recordId }: { slug: string; recordId: string }) {
  const { t } = useI18n();
  const id = useId();
  const { data, error } = useQuery({
    queryKey: registryKeys.exitLink(slug, recordId),
    queryFn: ({ signal }) =>
      call(
        client.GET('/v1/t/{slug}/registry/records/{id}/exit-survey-link', {
          params: { path: { slug, id: recordId } },
          signal,
        }),
      ),
    staleTime: 0,
  });
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('exitLink.title')}</h3>
      {!data ? (
        error ? (
          <ErrorMessage error={error} />
        ) : (
          <Loading />
        )
      ) : !data.survey ? (
        <>
          <p>{t('exitLink.notChosen')}</p>
          <p>
            <Link to={`/t/${slug}/admin/surveys#${exitSurveyAnchor}`}>{t('exitLink.choose')}</Link>
          </p>
        </>
      ) : (
        <ExitLinkPanel slug={slug} recordId={recordId} status={data} />
      )}
      <RecordConsents slug={slug} recordId={recordId} />
    </section>
  );
}

function stateText(status: Status, t: ReturnType<typeof useI18n>['t'], at: (iso: string) => string) {
  const link = status.link;
  if (!link) return t('exitLink.state.none');
  const key = `exitLink.state.${link.state}` as MessageKey;
  return t(key, { date: at(link.state === 'answered' ? (link.answeredAt ?? '') : link.expiresAt) });
}

function ExitLinkPanel({ slug, recordId, status }: { slug: string; recordId: string; status: Status }) {
  const { t, formatDateTime } = useI18n();
  const id = useId();
  const queryClient = useQueryClient();
  const [issued, setIssued] = useState<{ url: string | null; sentTo: string | null } | null>(null);
  const [copied, setCopied] = useState(false);
  const issue = useMutation({
    mutationFn: (send: boolean) =>
      call(
        client.POST('/v1/t/{slug}/registry/records/{id}/exit-survey-link', {
          params: { path: { slug, id: recordId } },
          body: { send },
        }),
      ),
    onSuccess: (made, send) => {
      queryClient.setQueryData(registryKeys.exitLink(slug, recordId), { ...made, url: null });
      setIssued({ url: send ? null : made.url, sentTo: send ? made.email : null });
      setCopied(false);
    },
  });
  const answered = status.link?.state === 'answered';
  const canMail = status.email !== null && !status.excluded;
  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // Without clipboard access (an insecure page, a refused permission) the link stays selectable below.
      document.getElementById(`${id}-url`)?.focus();
    }
  };
  return (
    <>
      <p className="small muted">{t('exitLink.survey', { title: status.survey?.title ?? '' })}</p>
      <p>
        <span className={`badge${answered ? ' ok' : ''}`}>{stateText(status, t, formatDateTime)}</span>
        {status.link?.emailed && <span className="small muted"> {t('exitLink.emailed')}</span>}
      </p>
      {!answered && (
        <>
          <p className="hint">{t('exitLink.validity')}</p>
          {status.link?.state === 'live' && <p className="hint">{t('exitLink.replaces')}</p>}
          {status.excluded ? (
            <p className="hint">{t('exitLink.excluded')}</p>
          ) : (
            status.email === null && <p className="hint">{t('exitLink.noAddress')}</p>
          )}
          <ErrorMessage error={issue.error} />
          {issued?.sentTo && <Notice>{t('exitLink.sent', { email: issued.sentTo })}</Notice>}
          {issued?.url && (
            <div className="field">
              <label htmlFor={`${id}-url`}>{t('exitLink.url')}</label>
              <input
                id={`${id}-url`}
                type="text"
                readOnly
                value={issued.url}
                aria-describedby={`${id}-url-hint`}
                onFocus={(event) => event.currentTarget.select()}
              />
              <p className="hint" id={`${id}-url-hint`}>
                {t('exitLink.urlHint')}
              </p>
              <div className="actions">
                <button type="button" className="secondary" onClick={() => copy(issued.url ?? '')}>
                  {t('exitLink.copy')}
                </button>
                {copied && (
                  <span role="status" className="small">
                    {t('exitLink.copied')}
                  </span>
                )}
              </div>
            </div>
          )}
          <div className="actions">
            {canMail && (
              <button type="button" disabled={issue.isPending} onClick={() => issue.mutate(true)}>
                {t('exitLink.send', { email: status.email ?? '' })}
              </button>
            )}
            <button
              type="button"
              className="secondary"
              disabled={issue.isPending}
              onClick={() => issue.mutate(false)}
            >
              {t('exitLink.issueToCopy')}
            </button>
          </div>
        </>
      )}
    </>
  );
}
