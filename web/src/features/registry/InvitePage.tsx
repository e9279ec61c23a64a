import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Field, FormError, fieldErrorOf, Loading } from '../../app/ui';
import { useConsoleHome } from '../admin/AdminLayout';
import { registryKeys } from './registry-keys';
import type { InviteSelection } from './registry-model';

type SkipReason = 'excluded' | 'no_consent' | 'no_email' | 'joined' | 'declined' | 'already_invited';

/** Preview who gets the invitation and who is skipped (and why), pick wording, send. */
export function InvitePage() {
  const { t, locale } = useI18n();
  const { tenant } = useConsoleHome();
  const slug = tenant.slug;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const routed = useLocation().state as InviteSelection | null;
  const [selection] = useState<InviteSelection>(() => routed ?? { filter: {} });
  // The preview is a read sent as POST (a selection can hold thousands of ids); it changes with
  // every invitation, so it is never served from the cache.
  const previewQuery = useQuery({
    queryKey: registryKeys.invitationPreview(slug, JSON.stringify(selection)),
    queryFn: ({ signal }) =>
      call(
        client.POST('/v1/t/{slug}/registry/invitations/preview', {
          params: { path: { slug } },
          body: selection,
          signal,
        }),
      ),
    staleTime: 0,
    gcTime: 0,
  });
  const templateQuery = useQuery({
    queryKey: registryKeys.invitationTemplates(slug),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/registry/invitation-templates', { params: { path: { slug } }, signal })),
  });
  const preview = previewQuery.data;
  const templates = templateQuery.data?.templates ?? [];
  const [form, setForm] = useState({
    locale: locale as 'ja' | 'en',
    subject: '',
    body: '',
    reminder: '7',
    saveAs: '',
  });
  const [sendError, setError] = useState<unknown>(null);
  const error = sendError ?? previewQuery.error ?? templateQuery.error;
  const [busy, setBusy] = useState(false);

  // The wording starts from the saved template in the reader's language, once the templates arrive.
  const [prefilled, setPrefilled] = useState(false);
  useEffect(() => {
    const list = templateQuery.data?.templates;
    if (prefilled || !list) return;
    setPrefilled(true);
    const first = list.find((tpl) => tpl.locale === locale) ?? list[0];
    if (first) setForm((f) => ({ ...f, locale: first.locale, subject: first.subject, body: first.body }));
  }, [templateQuery.data, prefilled, locale]);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await call(
        client.POST('/v1/t/{slug}/registry/invitations', {
          params: { path: { slug } },
          body: {
            ...selection,
            locale: form.locale,
            subject: form.subject,
            body: form.body,
            ...(form.reminder ? { reminderAfterDays: Number(form.reminder) } : {}),
            ...(form.saveAs.trim() ? { saveTemplateAs: form.saveAs.trim() } : {}),
          },
        }),
      );
      // Invited records change status; the invitation list and saved templates change too.
      await queryClient.invalidateQueries({ queryKey: registryKeys.all(slug) });
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
