import type { ResponseOf, Schemas } from '../../app/api/types';
import { DeskTable, useRowNavigation } from '../../app/desk-table';
import { useI18n } from '../../app/i18n';
import { Decision } from './Decision';
import { fullName, fullReading } from './registry-model';

type JoinRequest = Schemas['JoinRequest'];
type Referral = ResponseOf<'/v1/t/{slug}/registry/referrals'>['referrals'][number];

/**
 * Join requests on a desk: one row per request with what the person told us, the registry records
 * they may be and the decisions. Each decision is made for one request (the server has no bulk
 * approval), so rows are not selected.
 */
export function JoinRequestsTable(props: {
  requests: JoinRequest[];
  onApprove(id: string, recordId?: string): void;
  onDismiss(id: string): void;
}) {
  const { t, locale, formatDateTime } = useI18n();
  const { requests } = props;
  const { bodyProps, rowProps, controlTabIndex } = useRowNavigation(requests);
  return (
    <DeskTable
      caption={t('requests.table.caption', { count: requests.length.toLocaleString(locale) })}
      keys={t('desk.rowKeys')}
    >
      <thead>
        <tr>
          <th scope="col">{t('registry.column.name')}</th>
          <th scope="col">{t('registry.column.reading')}</th>
          <th scope="col">{t('requests.column.email')}</th>
          <th scope="col">{t('requests.column.tenure')}</th>
          <th scope="col">{t('requests.column.message')}</th>
          <th scope="col">{t('requests.column.at')}</th>
          <th scope="col">{t('requests.candidates')}</th>
          <th scope="col">{t('requests.column.decision')}</th>
        </tr>
      </thead>
      <tbody {...bodyProps}>
        {requests.map((request, index) => {
          const tab = controlTabIndex(index);
          const years = t('requests.years', {
            joined: request.joinedYear ?? '?',
            left: request.leftYear ?? '?',
          });
          return (
            <tr key={request.id} {...rowProps(index)}>
              <th scope="row">{fullName(request)}</th>
              <td>{fullReading(request)}</td>
              <td className="clip" title={request.email}>
                {request.email}
              </td>
              <td className="clip" title={request.department || undefined}>
                {request.department ? `${years} ・ ${request.department}` : years}
              </td>
              <td className="clip" title={request.message || undefined}>
                {request.message}
              </td>
              <td>{formatDateTime(request.createdAt)}</td>
              <td>
                {request.matchKind && (
                  <span className="badge">
                    {t(request.matchKind === 'email' ? 'requests.matchEmail' : 'requests.matchIdentity')}
                  </span>
                )}
                {request.candidates.length === 0 && (
                  <span className="muted">{t('requests.noCandidates')}</span>
                )}
                <ul className="cell-list">
                  {request.candidates.map((candidate) => (
                    <li key={candidate.id}>
                      <span
                        title={[candidate.employeeNumber, candidate.lastDepartment, candidate.leftOn]
                          .filter(Boolean)
                          .join(' ・ ')}
                      >
                        {fullName(candidate)} <span className="muted">{fullReading(candidate)}</span>
                      </span>{' '}
                      <button
                        type="button"
                        className="secondary"
                        tabIndex={tab}
                        disabled={candidate.status === 'excluded'}
                        onClick={() => props.onApprove(request.id, candidate.id)}
                      >
                        {t('requests.approveWith')}
                      </button>
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                <Decision
                  approveLabel={t('requests.approveNew')}
                  onApprove={() => props.onApprove(request.id)}
                  onDismiss={() => props.onDismiss(request.id)}
                  tabIndex={tab}
                />
              </td>
            </tr>
          );
        })}
      </tbody>
    </DeskTable>
  );
}

/** Referrals on a desk: who was referred, by whom and when, and the two decisions. */
export function ReferralsTable(props: {
  referrals: Referral[];
  onApprove(id: string): void;
  onDismiss(id: string): void;
}) {
  const { t, locale, formatDateTime } = useI18n();
  const { referrals } = props;
  const { bodyProps, rowProps, controlTabIndex } = useRowNavigation(referrals);
  return (
    <DeskTable
      caption={t('referrals.table.caption', { count: referrals.length.toLocaleString(locale) })}
      keys={t('desk.rowKeys')}
    >
      <thead>
        <tr>
          <th scope="col">{t('registry.column.name')}</th>
          <th scope="col">{t('requests.column.email')}</th>
          <th scope="col">{t('referrals.column.referrer')}</th>
          <th scope="col">{t('referrals.column.note')}</th>
          <th scope="col">{t('requests.column.at')}</th>
          <th scope="col">{t('requests.column.decision')}</th>
        </tr>
      </thead>
      <tbody {...bodyProps}>
        {referrals.map((referral, index) => (
          <tr key={referral.id} {...rowProps(index)}>
            <th scope="row">{referral.name || referral.email}</th>
            <td>{referral.email}</td>
            <td>{referral.referrer}</td>
            <td className="clip" title={referral.note || undefined}>
              {referral.note}
            </td>
            <td>{formatDateTime(referral.createdAt)}</td>
            <td>
              <Decision
                approveLabel={t('referrals.approve')}
                onApprove={() => props.onApprove(referral.id)}
                onDismiss={() => props.onDismiss(referral.id)}
                tabIndex={controlTabIndex(index)}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </DeskTable>
  );
}
