import { type FormEvent, useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Field, FormError, fieldErrorOf, Loading } from '../../app/ui';
import { useConsoleHome } from '../admin/AdminLayout';
import type { InviteSelection } from './registry-model';

type Person = { id: string; name: string; email: string | null };
type Preview = { invitable: Person[]; skipped: (Person & { reason: string })[] };
type Template = { id: string | null; name: string; locale: 'ja' | 'en'; subject: string; body: string };
type SkipReason = 'excluded' | 'no_consent' | 'no_email' | 'joined' | 'declined' | 'already_invited';

/** Preview who gets the invitation and who is skipped (and why), pick wording, send. */
export function InvitePage() {
  const { t, locale } = useI18n();
  const { tenant } = useConsoleHome();
  const slug = tenant.slug;
  const navigate = useNavigate();
  const routed = useLocation().state as InviteSelection | null;
  const [selection] = useState<InviteSelection>(() => routed ?? { filter: {} });
  const [preview, setPreview] = useState<Preview | null>(null);
  const [templates, setTemplates] = useState<Template[]>([]);
  const [form, setForm] = useState({
    locale: locale as 'ja' | 'en',
    subject: '',
    body: '',
    reminder: '7',
    saveAs: '',
  });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api<Preview>('POST', `/t/${slug}/registry/invitations/preview`, selection).then(setPreview, setError);
    api<{ templates: Template[] }>('GET', `/t/${slug}/registry/invitation-templates`).then((data) => {
      setTemplates(data.templates);
      const first = data.templates.find((tpl) => tpl.locale === locale) ?? data.templates[0];
      if (first) setForm((f) => ({ ...f, locale: first.locale, subject: first.subject, body: first.body }));
    }, setError);
  }, [slug, selection, locale]);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await api<{ sent: number }>('POST', `/t/${slug}/registry/invitations`, {
        ...selection,
        locale: form.locale,
        subject: form.subject,
        body: form.body,
        ...(form.reminder ? { reminderAfterDays: Number(form.reminder) } : {}),
        ...(form.saveAs.trim() ? { saveTemplateAs: form.saveAs.trim() } : {}),
      });
      navigate(`/t/${slug}/admin/invitations`, { state: { sent: result.sent } });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  if (!preview) return error ? <ErrorMessage error={error} /> : <Loading />;
  return (
    <section>
      <h2>{t('invite.title')}</h2>
      <div className="card">
        <h3>{t('invite.targets')}</h3>
        <p>
          <strong>{t('invite.invitable', { count: preview.invitable.length })}</strong>
        </p>
        <ul className="compact">
          {preview.invitable.slice(0, 50).map((p) => (
            <li key={p.id}>
              {p.name} <span className="muted small">{p.email}</span>
            </li>
          ))}
          {preview.invitable.length > 50 && <li className="muted">…</li>}
        </ul>
        {preview.skipped.length > 0 && (
          <details>
            <summary>{t('invite.skipped', { count: preview.skipped.length })}</summary>
            <ul className="compact">
              {preview.skipped.map((p) => (
                <li key={p.id}>
                  {p.name} — {t(`invite.reason.${p.reason as SkipReason}`)}
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
      {preview.invitable.length === 0 ? (
        <p className="alert alert-error" role="alert">
          {t('invite.nobody')}
        </p>
      ) : (
        <form className="card" onSubmit={send} noValidate>
          <div className="field">
            <label htmlFor="invite-template">{t('invite.template')}</label>
            <select
              id="invite-template"
              onChange={(event) => {
                const tpl = templates[Number(event.target.value)];
                if (tpl) setForm({ ...form, locale: tpl.locale, subject: tpl.subject, body: tpl.body });
              }}
            >
              {templates.map((tpl, index) => (
                <option key={tpl.id ?? tpl.name} value={index}>
                  {tpl.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="invite-locale">{t('invite.language')}</label>
            <select
              id="invite-locale"
              value={form.locale}
              onChange={(event) => setForm({ ...form, locale: event.target.value as 'ja' | 'en' })}
            >
              <option value="ja">日本語</option>
              <option value="en">English</option>
            </select>
          </div>
          <Field
            label={t('invite.subject')}
            name="subject"
            value={form.subject}
            onChange={(subject) => setForm({ ...form, subject })}
            error={fieldErrorOf(error, 'subject')}
            required
          />
          <div className="field">
            <label htmlFor="invite-body">{t('invite.body')}</label>
            <textarea
              id="invite-body"
              rows={12}
              value={form.body}
              aria-describedby="invite-body-hint"
              onChange={(event) => setForm({ ...form, body: event.target.value })}
            />
            <p className="hint" id="invite-body-hint">
              {t('invite.bodyHint')}
            </p>
            {fieldErrorOf(error, 'body') && <p className="field-error">{fieldErrorOf(error, 'body')}</p>}
          </div>
          <div className="field">
            <label htmlFor="invite-reminder">{t('invite.reminder')}</label>
            <select
              id="invite-reminder"
              value={form.reminder}
              onChange={(event) => setForm({ ...form, reminder: event.target.value })}
            >
              <option value="">{t('invite.noReminder')}</option>
              {['3', '7', '14'].map((days) => (
                <option key={days} value={days}>
                  {t('invite.reminderAfter', { days })}
                </option>
              ))}
            </select>
          </div>
          <Field
            label={t('invite.saveTemplateAs')}
            name="saveAs"
            value={form.saveAs}
            onChange={(saveAs) => setForm({ ...form, saveAs })}
            error={fieldErrorOf(error, 'saveTemplateAs')}
          />
          <FormError error={error} />
          <button type="submit" className="primary" disabled={busy}>
            {t('invite.send', { count: preview.invitable.length })}
          </button>
        </form>
      )}
    </section>
  );
}
