import { useCallback, useEffect, useState } from 'react';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Notice } from '../../app/ui';
import { useConsoleHome } from '../admin/AdminLayout';
import { fullName, fullReading, type RecordRow } from './registry-model';

type JoinRequest = {
  id: string;
  email: string;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  joinedYear: number | null;
  leftYear: number | null;
  department: string;
  message: string;
  matchKind: 'email' | 'name_reading_year' | null;
  createdAt: string;
  candidates: RecordRow[];
};
type Referral = {
  id: string;
  email: string;
  name: string;
  note: string;
  referrer: string;
  createdAt: string;
};

/** HR's queue: join requests next to the records they may be, and referrals of unknown people. */
export function RequestsPage() {
  const { t, formatDateTime } = useI18n();
  const { tenant } = useConsoleHome();
  const slug = tenant.slug;
  const [requests, setRequests] = useState<JoinRequest[] | null>(null);
  const [referrals, setReferrals] = useState<Referral[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    const [r, f] = await Promise.all([
      api<{ requests: JoinRequest[] }>('GET', `/t/${slug}/registry/join-requests`),
      api<{ referrals: Referral[] }>('GET', `/t/${slug}/registry/referrals`),
    ]);
    setRequests(r.requests);
    setReferrals(f.referrals);
  }, [slug]);
  useEffect(() => {
    load().catch(setError);
  }, [load]);

  const act = async (path: string, body: unknown, message: string) => {
    setError(null);
    try {
      await api('POST', `/t/${slug}/registry/${path}`, body);
      setNotice(message);
      await load();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section>
      <h2>{t('requests.title')}</h2>
      <p className="lead">{t('requests.lead')}</p>
      {notice && <Notice>{notice}</Notice>}
      <ErrorMessage error={error} />
      {requests && requests.length === 0 && <p className="muted">{t('requests.empty')}</p>}
      {requests?.map((request) => (
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
                      onClick={() =>
                        act(
                          `join-requests/${request.id}/approve`,
                          { recordId: candidate.id },
                          t('requests.approved'),
                        )
                      }
                    >
                      {t('requests.approveWith')}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          </div>
          <div className="actions">
            <button
              type="button"
              className="secondary"
              onClick={() => act(`join-requests/${request.id}/approve`, {}, t('requests.approved'))}
            >
              {t('requests.approveNew')}
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => act(`join-requests/${request.id}/dismiss`, undefined, t('requests.dismissed'))}
            >
              {t('requests.dismiss')}
            </button>
          </div>
        </article>
      ))}

      <h2>{t('referrals.title')}</h2>
      <p className="lead">{t('referrals.lead')}</p>
      {referrals && referrals.length === 0 && <p className="muted">{t('referrals.empty')}</p>}
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
            <div className="row-actions">
              <button
                type="button"
                className="secondary"
                onClick={() => act(`referrals/${referral.id}/approve`, undefined, t('referrals.approved'))}
              >
                {t('referrals.approve')}
              </button>
              <button
                type="button"
                className="danger"
                onClick={() => act(`referrals/${referral.id}/dismiss`, undefined, t('requests.dismissed'))}
              >
                {t('requests.dismiss')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
