import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage } from '../../app/ui';
import { type MemberProposal, proposalKeys, statusBadgeClass } from './proposal-model';

/** One proposal as a member sees it: where it stands, the company's answer, and support. */
export function ProposalCard({
  slug,
  proposal,
  full = false,
}: {
  slug: string;
  proposal: MemberProposal;
  full?: boolean;
}) {
  const { t, formatDateTime } = useI18n();
  const queryClient = useQueryClient();
  const support = useMutation({
    mutationFn: (on: boolean) => {
      const params = { path: { slug, id: proposal.id } };
      return call(
        on
          ? client.PUT('/v1/t/{slug}/community/proposals/{id}/support', { params })
          : client.DELETE('/v1/t/{slug}/community/proposals/{id}/support', { params }),
      );
    },
    onSuccess: async (updated) => {
      queryClient.setQueryData(proposalKeys.memberOne(slug, proposal.id), updated);
      await queryClient.invalidateQueries({ queryKey: proposalKeys.memberAll(slug) });
    },
  });
  const Heading = full ? 'h1' : 'h3';
  return (
    <article className={full ? undefined : 'card'}>
      <Heading>
        {full ? proposal.title : <Link to={`/t/${slug}/proposals/${proposal.id}`}>{proposal.title}</Link>}
      </Heading>
      <p className="small muted">
        <span className={statusBadgeClass(proposal.status)}>{t(`proposals.status.${proposal.status}`)}</span>
        {proposal.category && <span className="badge">{t(`proposals.category.${proposal.category}`)}</span>}
        {proposal.mine && (
          <span className="badge">{t(proposal.public ? 'proposals.public' : 'proposals.private')}</span>
        )}
        {proposal.anonymous && <span className="badge">{t('proposals.anonymousBadge')}</span>}{' '}
        <time dateTime={proposal.createdAt}>
          {t('proposals.sentAt', { date: formatDateTime(proposal.createdAt) })}
        </time>
      </p>
      <p className={full ? 'pre' : 'pre clamp'}>{proposal.body}</p>
      {proposal.reply && (
        <blockquote>
          <p className="small">
            <strong>{t('proposals.reply', { date: formatDateTime(proposal.reply.at) })}</strong>
          </p>
          <p className="pre">{proposal.reply.text}</p>
        </blockquote>
      )}
      {proposal.public && (
        <div className="actions">
          <span className="small muted">{t('proposals.supports', { count: proposal.supports })}</span>
          {!proposal.mine && (
            <button
              type="button"
              className={proposal.supportedByMe ? 'secondary small' : 'small'}
              aria-pressed={proposal.supportedByMe}
              disabled={support.isPending}
              onClick={() => support.mutate(!proposal.supportedByMe)}
            >
              {t(proposal.supportedByMe ? 'proposals.supported' : 'proposals.support')}
            </button>
          )}
        </div>
      )}
      <ErrorMessage error={support.error} />
    </article>
  );
}
