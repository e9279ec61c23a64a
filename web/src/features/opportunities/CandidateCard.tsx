import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FileText } from 'lucide-react';
import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import { call, client } from '../../app/api';
import type { RequestOf } from '../../app/api/types';
import { useI18n } from '../../app/i18n';
import { Field, FormError, fieldErrorOf } from '../../app/ui';
import { fileSize } from './interest-file';
import { type Candidate, stages } from './opportunity-model';

type CandidatePatch = RequestOf<'/v1/t/{slug}/candidates/{id}', 'patch'>;

/** One candidate card: stage, HR-only notes and the status shown to the person; 入社 asks for the return date. */
export function CandidateCard({
  slug,
  candidate,
  showOpportunity,
}: {
  slug: string;
  candidate: Candidate;
  showOpportunity: boolean;
}) {
  const { t, formatDateTime } = useI18n();
  const id = useId();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({
    stage: candidate.stage,
    returnOn: candidate.record?.rehiredOn ?? '',
    hrNotes: candidate.hrNotes,
    sharedStatus: candidate.sharedStatus,
  });
  const save = useMutation({
    mutationFn: () => {
      const body: CandidatePatch = { hrNotes: form.hrNotes, sharedStatus: form.sharedStatus };
      if (form.stage !== candidate.stage) body.stage = form.stage;
      if (form.stage === 'hired' && form.returnOn) body.returnOn = form.returnOn;
      return call(
        client.PATCH('/v1/t/{slug}/candidates/{id}', { params: { path: { slug, id: candidate.id } }, body }),
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['t', slug, 'opportunities'] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const name = candidate.member.displayName;
  return (
    <li className="card">
      <form onSubmit={submit} noValidate aria-label={name}>
        <h3>
          {name} {candidate.withdrawn && <span className="badge warn">{t('oppsAdmin.withdrawnBadge')}</span>}
          {candidate.record?.employmentStatus === 'rehired' && (
            <span className="badge">
              {t('oppsAdmin.rehired', { date: candidate.record.rehiredOn ?? '' })}
            </span>
          )}
        </h3>
        <p className="muted small">
          {showOpportunity && `${candidate.opportunity.title} ・ `}
          {t('oppsAdmin.answeredAt', { at: formatDateTime(candidate.createdAt) })}
          {candidate.record && (
            <>
              {' ・ '}
              <Link to={`/t/${slug}/admin/registry/${candidate.record.id}`}>
                {t('oppsAdmin.record')}: {candidate.record.name}
              </Link>
            </>
          )}
        </p>
        {candidate.message && <p className="pre-line">{candidate.message}</p>}
        {candidate.file && (
          <p className="small">
            <a href={`/api/v1/t/${slug}/candidates/${candidate.id}/file`} download={candidate.file.name}>
              <FileText size={16} aria-hidden="true" /> {candidate.file.name}
            </a>{' '}
            <span className="muted">({fileSize(candidate.file.size)})</span>
          </p>
        )}
        {candidate.link && (
          <p className="small">
            <a href={candidate.link} rel="noopener noreferrer nofollow" target="_blank">
              {candidate.link}
            </a>
          </p>
        )}
        <div className="field">
          <label htmlFor={`${id}-stage`}>{t('oppsAdmin.stage')}</label>
          <select
            id={`${id}-stage`}
            value={form.stage}
            disabled={candidate.withdrawn}
            onChange={(e) => setForm({ ...form, stage: e.target.value as Candidate['stage'] })}
          >
            {stages.map((stage) => (
              <option key={stage} value={stage}>
                {t(`candidate.stage.${stage}`)}
              </option>
            ))}
          </select>
        </div>
        {form.stage === 'hired' && (
          <Field
            label={t('oppsAdmin.returnOn')}
            name="returnOn"
            type="date"
            value={form.returnOn}
            required
            onChange={(returnOn) => setForm({ ...form, returnOn })}
            error={fieldErrorOf(save.error, 'returnOn')}
          />
        )}
        <div className="field">
          <label htmlFor={`${id}-notes`}>{t('oppsAdmin.hrNotes')}</label>
          <textarea
            id={`${id}-notes`}
            rows={2}
            value={form.hrNotes}
            onChange={(e) => setForm({ ...form, hrNotes: e.target.value })}
          />
        </div>
        <Field
          label={t('oppsAdmin.sharedStatus')}
          name="sharedStatus"
          value={form.sharedStatus}
          onChange={(sharedStatus) => setForm({ ...form, sharedStatus })}
          error={fieldErrorOf(save.error, 'sharedStatus')}
        />
        <FormError error={save.error} />
        {save.isSuccess && !save.isPending && (
          <p className="muted small" role="status">
            {t('oppsAdmin.saved')}
          </p>
        )}
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('oppsAdmin.update')}
        </button>
      </form>
    </li>
  );
}
