import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Loading } from '../../app/ui';
import { useConsoleHome } from '../admin/AdminLayout';
import { ProposalTriage } from './ProposalTriage';
import {
  type ProposalStatus,
  previousMonthInJapan,
  proposalKeys,
  proposalStatuses,
  type StaffProposal,
  statusBadgeClass,
} from './proposal-model';

/** The console's 提言・ご意見: what members sent, by status, each answered in place; the monthly export. */
export function ProposalsDeskPage() {
  const { t } = useI18n();
  const { tenant } = useConsoleHome();
  const slug = tenant.slug;
  const id = useId();
  const [status, setStatus] = useState<ProposalStatus | 'all'>('all');
  const { data, error } = useQuery({
    queryKey: proposalKeys.staff(slug, status),
    queryFn: ({ signal }) =>
      call(
        client.GET('/v1/t/{slug}/proposals', {
          params: { path: { slug }, query: status === 'all' ? {} : { status } },
          signal,
        }),
      ),
    staleTime: 0,
  });
  const total = data ? proposalStatuses.reduce((sum, s) => sum + data.counts[s], 0) : 0;
  return (
    <section>
      <h2>{t('proposals.title')}</h2>
      <p className="lead">{t('proposals.desk.lead')}</p>
      <div className="field">
        <label htmlFor={`${id}-status`}>{t('proposals.desk.filter')}</label>
        <select
          id={`${id}-status`}
          value={status}
          onChange={(event) => setStatus(event.target.value as ProposalStatus | 'all')}
        >
          <option value="all">{t('proposals.desk.all', { count: total })}</option>
          {proposalStatuses.map((value) => (
            <option key={value} value={value}>
              {t('proposals.desk.statusCount', {
                status: t(`proposals.status.${value}`),
                count: data?.counts[value] ?? 0,
              })}
            </option>
          ))}
        </select>
      </div>
      {!data ? (
        error ? (
          <ErrorMessage error={error} />
        ) : (
          <Loading />
        )
      ) : data.proposals.length === 0 ? (
        <p className="muted">{t('proposals.desk.empty')}</p>
      ) : (
        <ul className="list">
          {data.proposals.map((proposal) => (
            <li key={proposal.id}>
              <StaffProposalCard slug={slug} proposal={proposal} />
            </li>
          ))}
        </ul>
      )}
      <MonthlyExport slug={slug} />
    </section>
  );
}

function StaffProposalCard({ slug, proposal }: { slug: string; proposal: StaffProposal }) {
  const { t, formatDateTime } = useI18n();
  return (
    <article className="card">
      <h3>{proposal.title}</h3>
      <p className="small muted">
        <span className={statusBadgeClass(proposal.status)}>{t(`proposals.status.${proposal.status}`)}</span>
        {proposal.category && <span className="badge">{t(`proposals.category.${proposal.category}`)}</span>}
        <span className="badge">{t(proposal.public ? 'proposals.public' : 'proposals.private')}</span>{' '}
        {t('proposals.sentAt', { date: formatDateTime(proposal.createdAt) })}
        {proposal.public && ` ・ ${t('proposals.supports', { count: proposal.supports })}`}
      </p>
      <p className="small">
        {t('proposals.desk.author')}:{' '}
        {proposal.author ? proposal.author.displayName : t('proposals.desk.anonymous')}
      </p>
      <p className="pre">{proposal.body}</p>
      <details>
        <summary>{t('proposals.desk.open')}</summary>
        <ProposalTriage slug={slug} proposal={proposal} />
        <p className="small muted">
          {t('proposals.desk.updatedAt', { date: formatDateTime(proposal.updatedAt) })}
        </p>
      </details>
    </article>
  );
}

function MonthlyExport({ slug }: { slug: string }) {
  const { t } = useI18n();
  const id = useId();
  const [month, setMonth] = useState(() => previousMonthInJapan(new Date()));
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  const url = (encoding: 'utf8' | 'cp932') =>
    `/api/v1/t/${slug}/proposals/export?${new URLSearchParams({ month, encoding })}`;
  return (
    <section className="card">
      <h3>{t('proposals.desk.export')}</h3>
      <p className="hint">{t('proposals.desk.exportHint')}</p>
      <div className="field">
        <label htmlFor={`${id}-month`}>{t('proposals.desk.month')}</label>
        <input
          id={`${id}-month`}
          type="month"
          value={month}
          onChange={(event) => setMonth(event.target.value)}
        />
      </div>
      {valid && (
        <p>
          <a href={url('utf8')} download>
            {t('proposals.desk.download')}
          </a>
          {' ・ '}
          <a href={url('cp932')} download>
            {t('proposals.desk.downloadSjis')}
          </a>
        </p>
      )}
    </section>
  );
}
