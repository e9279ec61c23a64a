import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import type { MessageKey } from '../../app/messages/ja';
import { ErrorMessage, Loading, Notice } from '../../app/ui';
import { useConsoleHome } from '../admin/AdminLayout';
import { ExitSurveyCard } from './ExitSurveyCard';
import { RecordForm } from './RecordForm';
import { registryKeys } from './registry-keys';
import { fullName, fullReading } from './registry-model';

const fieldLabels: Record<string, MessageKey> = {
  employeeNumber: 'field.employeeNumber',
  familyName: 'field.familyName',
  givenName: 'field.givenName',
  familyNameKana: 'field.familyNameKana',
  givenNameKana: 'field.givenNameKana',
  formerNames: 'field.formerNames',
  emails: 'field.emails',
  phone: 'field.phone',
  joinedOn: 'field.joinedOn',
  leftOn: 'field.leftOn',
  lastDepartment: 'field.lastDepartment',
  lastTitle: 'field.lastTitle',
  departmentHistory: 'field.departmentHistory',
  leaveReason: 'field.leaveReason',
  wouldReturn: 'field.wouldReturn',
  eligibility: 'field.eligibility',
  contactConsent: 'field.contactConsent',
  consentSource: 'field.consentSource',
  consentAt: 'field.consentAt',
  consentWordingVersion: 'field.consentWordingVersion',
  hrTags: 'field.hrTags',
  hrNotes: 'field.hrNotes',
  customFields: 'field.customFields',
  employmentStatus: 'record.employmentStatus',
  rehiredOn: 'record.rehiredOn',
  status: 'field.status',
  membershipId: 'field.membershipId',
  created: 'field.created',
  survey: 'record.field.survey',
};

/** Fields whose stored values are codes: the history shows their names in the reader's language. */
const valueLabels: Record<string, (value: string) => MessageKey> = {
  wouldReturn: (value) => `wouldReturn.${value}` as MessageKey,
  eligibility: (value) => `eligibility.${value}` as MessageKey,
  contactConsent: (value) => `consent.${value}` as MessageKey,
  status: (value) => `status.${value}` as MessageKey,
  employmentStatus: (value) => `record.employment.${value}` as MessageKey,
};

const show = (value: unknown) =>
  value === null || value === undefined || value === ''
    ? '—'
    : Array.isArray(value)
      ? value.join('、') || '—'
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);

export function RecordPage() {
  const { id = '' } = useParams();
  const { t, formatDateTime } = useI18n();
  const named = (field: string, value: unknown) => {
    const label = valueLabels[field];
    return label && typeof value === 'string' && value !== '' ? t(label(value)) : show(value);
  };
  const { tenant } = useConsoleHome();
  const slug = tenant.slug;
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const isNew = id === 'new';
  // Every opening is read from the server (staleTime 0): each view of a record is audited there.
  const { data: detail, error } = useQuery({
    queryKey: registryKeys.record(slug, id),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/registry/records/{id}', { params: { path: { slug, id } }, signal })),
    enabled: !isNew,
    staleTime: 0,
  });

  if (isNew) {
    return (
      <section>
        <h2>{t('record.newTitle')}</h2>
        <RecordForm
          slug={slug}
          record={null}
          onSaved={(saved) => navigate(`/t/${slug}/admin/registry/${saved.id}`, { replace: true })}
          onCancel={() => navigate(`/t/${slug}/admin/registry`)}
        />
      </section>
    );
  }
  if (error) return <ErrorMessage error={error} />;
  if (!detail) return <Loading />;
  const { record } = detail;

  const facts: [MessageKey, unknown][] = [
    ['field.employeeNumber', record.employeeNumber],
    ['field.formerNames', record.formerNames],
    ['field.emails', record.emails],
    ['field.phone', record.phone],
    ['field.joinedOn', record.joinedOn],
    ['field.leftOn', record.leftOn],
    ['field.lastDepartment', record.lastDepartment],
    ['field.lastTitle', record.lastTitle],
    ['field.leaveReason', record.leaveReason ? t(`leaveReason.${record.leaveReason}`) : null],
    ['field.wouldReturn', t(`wouldReturn.${record.wouldReturn}`)],
    ['field.eligibility', t(`eligibility.${record.eligibility}`)],
    ['field.contactConsent', t(`consent.${record.contactConsent}`)],
    ['field.consentSource', record.consentSource],
    ['field.consentAt', record.consentAt ? formatDateTime(record.consentAt) : null],
    ['field.consentWordingVersion', record.consentWordingVersion],
    ['field.hrTags', record.hrTags],
    ['field.member', record.member?.displayName],
    ['record.rehiredOn', record.rehiredOn],
  ];

  return (
    <section>
      <p>
        <Link to={`/t/${slug}/admin/registry`}>← {t('record.back')}</Link>
      </p>
      <div className="section-head">
        <div>
          <h2>{fullName(record)}</h2>
          <p className="muted">{fullReading(record)}</p>
        </div>
        <span>
          <span className={`badge ${record.status === 'excluded' ? 'warn' : ''}`}>
            {t(`status.${record.status}`)}
          </span>
          {record.employmentStatus === 'rehired' && <span className="badge">{t('record.rehired')}</span>}
        </span>
      </div>
      {notice && <Notice>{notice}</Notice>}
      <p className="hint">{t('record.viewAudited')}</p>
      {editing ? (
        <RecordForm
          slug={slug}
          record={record}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setNotice(t('common.saved'));
          }}
        />
      ) : (
        <div className="card">
          <dl className="facts">
            {facts.map(([label, value]) => (
              <div key={label}>
                <dt>{t(label)}</dt>
                <dd>{show(value)}</dd>
              </div>
            ))}
          </dl>
          {record.departmentHistory.length > 0 && (
            <>
              <h3>{t('field.departmentHistory')}</h3>
              <ul className="compact">
                {record.departmentHistory.map((entry) => (
                  <li key={`${entry.company ?? ''}-${entry.department}-${entry.from ?? ''}`}>
                    {[entry.company, entry.department].filter(Boolean).join(' ')}
                    {(entry.from || entry.to) && ` （${entry.from ?? ''}〜${entry.to ?? ''}）`}
                  </li>
                ))}
              </ul>
            </>
          )}
          {Object.keys(record.customFields).length > 0 && (
            <dl className="facts">
              {Object.entries(record.customFields).map(([key, value]) => (
                <div key={key}>
                  <dt>{key}</dt>
                  <dd>{show(value)}</dd>
                </div>
              ))}
            </dl>
          )}
          {record.hrNotes && (
            <>
              <h3>{t('field.hrNotes')}</h3>
              <p className="pre">{record.hrNotes}</p>
            </>
          )}
          <div className="actions">
            <button type="button" className="primary" onClick={() => setEditing(true)}>
              {t('record.edit')}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => navigate(`/t/${slug}/admin/invite`, { state: { recordIds: [record.id] } })}
            >
              {t('record.invite')}
            </button>
          </div>
        </div>
      )}
      <ExitSurveyCard slug={slug} recordId={record.id} />
      <h3>{t('record.history')}</h3>
      {detail.history.length === 0 && <p className="muted">{t('record.historyEmpty')}</p>}
      <ol className="timeline">
        {detail.history.map((entry) => (
          <li key={entry.id}>
            <p className="small muted">
              {formatDateTime(entry.at)} ・ {entry.actor ?? t('record.system')} ・{' '}
              {t(`record.source.${entry.source}` as MessageKey)}
            </p>
            <ul>
              {entry.changes.map((change) => (
                <li key={change.field}>
                  {fieldLabels[change.field] ? t(fieldLabels[change.field]!) : change.field}:{' '}
                  {named(change.field, change.from)} → {named(change.field, change.to)}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
