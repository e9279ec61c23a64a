import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { FormError, fieldErrorOf, Notice } from '../../app/ui';
import { type ProposalStatus, proposalKeys, proposalStatuses, type StaffProposal } from './proposal-model';

/** HR's answer to one proposal: status, public or not, the reply members read, and internal notes. */
export function ProposalTriage({ slug, proposal }: { slug: string; proposal: StaffProposal }) {
  const { t } = useI18n();
  const id = useId();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<ProposalStatus>(proposal.status);
  const [isPublic, setPublic] = useState(proposal.public);
  const [reply, setReply] = useState(proposal.reply?.text ?? '');
  const [notes, setNotes] = useState(proposal.internalNotes);
  const save = useMutation({
    mutationFn: () =>
      call(
        client.PATCH('/v1/t/{slug}/proposals/{id}', {
          params: { path: { slug, id: proposal.id } },
          // Only what changed, so the server tells the sender of a new answer and nothing else.
          body: {
            ...(status !== proposal.status ? { status } : {}),
            ...(isPublic !== proposal.public ? { public: isPublic } : {}),
            ...(reply.trim() !== (proposal.reply?.text ?? '') ? { publicReply: reply } : {}),
            ...(notes.trim() !== proposal.internalNotes ? { internalNotes: notes } : {}),
          },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: proposalKeys.staffAll(slug) }),
  });
  const unchanged =
    status === proposal.status &&
    isPublic === proposal.public &&
    reply.trim() === (proposal.reply?.text ?? '') &&
    notes.trim() === proposal.internalNotes;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!unchanged && !save.isPending) save.mutate();
  };
  const area = (
    name: 'publicReply' | 'internalNotes',
    label: string,
    value: string,
    set: (v: string) => void,
  ) => {
    const error = fieldErrorOf(save.error, name);
    return (
      <div className="field">
        <label htmlFor={`${id}-${name}`}>{label}</label>
        <textarea
          id={`${id}-${name}`}
          rows={4}
          maxLength={4000}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-${name}-error` : undefined}
          onChange={(event) => set(event.target.value)}
        />
        {error && (
          <p className="field-error" id={`${id}-${name}-error`}>
            {error}
          </p>
        )}
      </div>
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError error={save.error} />
      <div className="field">
        <label htmlFor={`${id}-status`}>{t('proposals.desk.status')}</label>
        <select
          id={`${id}-status`}
          value={status}
          onChange={(event) => setStatus(event.target.value as ProposalStatus)}
        >
          {proposalStatuses.map((value) => (
            <option key={value} value={value}>
              {t(`proposals.status.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <label className="check">
        <input type="checkbox" checked={isPublic} onChange={(event) => setPublic(event.target.checked)} />
        {t('proposals.desk.publish')}
      </label>
      {area('publicReply', t('proposals.desk.reply'), reply, setReply)}
      {area('internalNotes', t('proposals.desk.notes'), notes, setNotes)}
      {save.isSuccess && unchanged && <Notice>{t('proposals.desk.saved')}</Notice>}
      <div className="actions">
        <button type="submit" className="primary" disabled={unchanged || save.isPending}>
          {t('proposals.desk.save')}
        </button>
      </div>
    </form>
  );
}
