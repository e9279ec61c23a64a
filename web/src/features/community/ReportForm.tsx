import { type FormEvent, useId, useState } from 'react';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Notice } from '../../app/ui';

const reasons = ['spam', 'harassment', 'confidential', 'inappropriate', 'other'] as const;

/** "Report": a reason and an optional note, sent to the network's moderators. */
export function ReportForm(props: {
  slug: string;
  targetType: 'post' | 'comment' | 'article_comment' | 'message' | 'member';
  targetId: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<(typeof reasons)[number]>('inappropriate');
  const [note, setNote] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await call(
        client.POST('/v1/t/{slug}/community/reports', {
          params: { path: { slug: props.slug } },
          body: { targetType: props.targetType, targetId: props.targetId, reason, note },
        }),
      );
      setSent(true);
      setOpen(false);
    } catch (caught) {
      setError(caught);
    }
  };
  if (sent) return <Notice>{t('report.sent')}</Notice>;
  if (!open) {
    return (
      <button type="button" className="link-button" onClick={() => setOpen(true)}>
        {t('report.open')}
      </button>
    );
  }
  return (
    <form className="card inset" onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('report.reason')}</label>
        <select
          id={`${id}-reason`}
          value={reason}
          onChange={(e) => setReason(e.target.value as (typeof reasons)[number])}
        >
          {reasons.map((r) => (
            <option key={r} value={r}>
              {t(`report.reason.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('report.note')}</label>
        <textarea id={`${id}-note`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit">{t('report.send')}</button>
        <button type="button" className="link-button" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
