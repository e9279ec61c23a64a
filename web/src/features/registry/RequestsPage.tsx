import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call, client } from '../../app/api';
import { useDeskWidth } from '../../app/desk';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Loading, Notice } from '../../app/ui';
import { useConsoleHome } from '../admin/AdminLayout';
import { Decision } from './Decision';
import { JoinRequestsTable, ReferralsTable } from './RequestsTables';
import { registryKeys } from './registry-keys';
import { fullName, fullReading } from './registry-model';

/** HR's queue: join requests next to the records they may be, and referrals of unknown people. */
export function RequestsPage() {
  const { t, formatDateTime } = useI18n();
  const { tenant } = useConsoleHome();
  const slug = tenant.slug;
  const queryClient = useQueryClient();
  const desk = useDeskWidth();
  const requestList = useQuery({
    queryKey: registryKeys.joinRequests(slug),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/registry/join-requests', { params: { path: { slug } }, signal })),
    staleTime: 0,
  });
  const referralList = useQuery({
    queryKey: registryKeys.referrals(slug),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/registry/referrals', { params: { path: { slug } }, signal })),
    staleTime: 0,
  });
  const requests = requestList.data?.requests;
  const referrals = referralList.data?.referrals;
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setError] = useState<unknown>(null);
  const error = actionError ?? requestList.error ?? referralList.error;

  // Approving or dismissing changes the queue, and approving creates or links a record.
  const act = async (send: () => Promise<unknown>, message: string) => {
    setError(null);
    try {
      await send();
      setNotice(message);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: registryKeys.joinRequests(slug) }),
        queryClient.invalidateQueries({ queryKey: registryKeys.referrals(slug) }),
        queryClient.invalidateQueries({ queryKey: registryKeys.records(slug) }),
      ]);
    } catch (caught) {
      setError(caught);
    }
  };
  const approveRequest = (id: string, recordId?: string) =>
    act(
      () =>
        call(
          client.POST('/v1/t/{slug}/registry/join-requests/{id}/approve', {
            params: { path: { slug, id } },
            body: recordId ? { recordId } : {},
          }),
        ),
      t('requests.approved'),
    );
  const dismissRequest = (id: string) =>
    act(
      () =>
        call(
          client.POST('/v1/t/{slug}/registry/join-requests/{id}/dismiss', { params: { path: { slug, id } } }),
        ),
      t('requests.dismissed'),
    );
  const approveReferral = (id: string) =>
    act(
      () =>
        call(client.POST('/v1/t/{slug}/registry/referrals/{id}/approve', { params: { path: { slug, id } } })),
      t('referrals.approved'),
    );
  const dismissReferral = (id: string) =>
    act(
      () =>
        call(client.POST('/v1/t/{slug}/registry/referrals/{id}/dismiss', { params: { path: { slug, id } } })),
      t('requests.dismissed'),
    );

  return (
    <section className="wide">
      <h2>{t('requests.title')}</h2>
      <p className="lead">{t('requests.lead')}</p>
      {notice && <Notice>{notice}</Notice>}
      <ErrorMessage error={error} />
      {(requestList.isPending || referralList.isPending) && <Loading />}
      {requests && requests.length === 0 && <p className="muted">{t('requests.empty')}</p>}
      {desk && requests && requests.length > 0 && (
        <JoinRequestsTable requests={requests} onApprove={approveRequest} onDismiss={dismissRequest} />
      )}
      {!desk &&
        requests?.map((request) => (
          <article key={request.id} className="card">
            <div className="grid-2">
              <div>
                <h3>{t('requests.claimed')}</h3>
                <p>
                  <strong>{fullName(request)}</strong> <span className="muted">{fullReading(request)}</span>
                </p>
                <p className="small">{request.email}</p>
                <p className="small muted">
                  {t('requests.years', { joined: request.joinedYear ?? '?', left: request.leftYear ?? '?' })}
                  {request.department && ` ・ ${request.department}`}
                </p>
                {request.message && <p className="pre small">{request.message}</p>}
                <p className="small muted">{formatDateTime(request.createdAt)}</p>
                {request.matchKind && (
                  <span className="badge">
                    {t(request.matchKind === 'email' ? 'requests.matchEmail' : 'requests.matchIdentity')}
                  </span>
                )}
              </div>
              <div>
                <h3>{t('requests.candidates')}</h3>
                {request.candidates.length === 0 && <p className="muted">{t('requests.noCandidates')}</p>}
                <ul className="list">
                  {request.candidates.map((candidate) => (
                    <li key={candidate.id} className="list-row">
                      <div>
                        <strong>{fullName(candidate)}</strong>{' '}
                        <span className="muted small">{fullReading(candidate)}</span>
                        <p className="muted small">
                          {[
                            candidate.employeeNumber,
                            candidate.lastDepartment,
                            candidate.leftOn,
                            candidate.email,
                          ]
                            .filter(Boolean)
                            .join(' ・ ')}
                        </p>
                        <span className={`badge ${candidate.status === 'excluded' ? 'warn' : ''}`}>
                          {t(`status.${candidate.status}`)}
                        </span>
                      </div>
                      <button
                        type="button"
                        className="secondary"
                        disabled={candidate.status === 'excluded'}
                        onClick={() => approveRequest(request.id, candidate.id)}
                      >
                        {t('requests.approveWith')}
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            </div>
            <Decision
              className="actions"
              approveLabel={t('requests.approveNew')}
              onApprove={() => approveRequest(request.id)}
              onDismiss={() => dismissRequest(request.id)}
            />
          </article>
        ))}

      <h2>{t('referrals.title')}</h2>
      <p className="lead">{t('referrals.lead')}</p>
      {referrals && referrals.length === 0 && <p className="muted">{t('referrals.empty')}</p>}
      {desk && referrals && referrals.length > 0 && (
        <ReferralsTable referrals={referrals} onApprove={approveReferral} onDismiss={dismissReferral} />
      )}
      {!desk && (
        <ul className="list">
          {referrals?.map((referral) => (
            <li key={referral.id} className="list-row">
              <div>
                <strong>{referral.name || referral.email}</strong>{' '}
                <span className="muted small">{referral.email}</span>
                <p className="muted small">
                  {t('referrals.by', { name: referral.referrer })} ・ {formatDateTime(referral.createdAt)}
                </p>
                {referral.note && <p className="pre small">{referral.note}</p>}
              </div>
              <Decision
                approveLabel={t('referrals.approve')}
                onApprove={() => approveReferral(referral.id)}
                onDismiss={() => dismissReferral(referral.id)}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
