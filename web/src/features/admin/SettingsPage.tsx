import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { call, client } from '../../app/api';
import type { Schemas } from '../../app/api/types';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Field, FormError, fieldErrorOf, Loading, Notice } from '../../app/ui';
import { useConsoleHome } from './AdminLayout';
import { SenderFieldset, senderProblems } from './SenderFieldset';

type Settings = Schemas['TenantSettings'];
type Flag = 'employeesMayJoin' | 'joinRequestsOpen' | 'autoApproveJoinRequests';

export function SettingsPage() {
  const { t } = useI18n();
  const home = useConsoleHome();
  const slug = home.tenant.slug;
  const queryClient = useQueryClient();
  const key = ['t', slug, 'settings'];
  const { data, error: loadError } = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/settings', { params: { path: { slug } }, signal })),
  });
  // The form being edited, over the settings as last read.
  const [draft, setForm] = useState<Settings | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  // Problems found before saving; shown until the form is sent again.
  const [problems, setProblems] = useState<ReturnType<typeof senderProblems>>({});
  const form = draft ?? data;
  if (!form) return loadError ? <ErrorMessage error={loadError} /> : <Loading />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setError(null);
    const found = senderProblems(form);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    try {
      const { slug: _slug, ...body } = form;
      const next = await call(client.PATCH('/v1/t/{slug}/settings', { params: { path: { slug } }, body }));
      queryClient.setQueryData(key, next);
      setForm(null);
      setSaved(true);
      // The network's names appear in the header and on every page of the network.
      await queryClient.invalidateQueries({ queryKey: ['t', slug, 'home'] });
    } catch (caught) {
      setError(caught);
    }
  };
  const fieldError = (name: string) => fieldErrorOf(error, name);
  const problem = (name: keyof typeof problems) => {
    const key = problems[name];
    return key ? t(key) : fieldError(name);
  };
  return (
    <form onSubmit={submit} noValidate>
      <h2>{t('console.settings')}</h2>
      {saved && <Notice>{t('common.saved')}</Notice>}
      <Field
        label={t('settings.nameJa')}
        name="nameJa"
        value={form.nameJa}
        onChange={(nameJa) => setForm({ ...form, nameJa })}
        error={fieldError('nameJa')}
        required
      />
      <Field
        label={t('settings.nameEn')}
        name="nameEn"
        value={form.nameEn}
        onChange={(nameEn) => setForm({ ...form, nameEn })}
        error={fieldError('nameEn')}
        required
      />
      {(['employeesMayJoin', 'joinRequestsOpen', 'autoApproveJoinRequests'] as Flag[]).map((flag) => (
        <div className="field checkbox" key={flag}>
          <input
            id={`setting-${flag}`}
            type="checkbox"
            checked={form[flag]}
            onChange={(event) => setForm({ ...form, [flag]: event.target.checked })}
          />
          <label htmlFor={`setting-${flag}`}>{t(`settings.${flag}`)}</label>
        </div>
      ))}
      <p className="hint">{t('settings.autoApproveHint')}</p>
      {form.joinRequestsOpen && (
        <p className="hint">
          {t('settings.joinPage')} <code>{`${window.location.origin}/join/${home.tenant.slug}`}</code>
        </p>
      )}
      <SenderFieldset
        sender={form}
        networkName={form.nameJa}
        onChange={(sender) => setForm({ ...form, ...sender })}
        errors={{
          senderName: problem('senderName'),
          senderAddress: problem('senderAddress'),
          senderContact: problem('senderContact'),
        }}
      />
      <fieldset id="newsletter-tracking">
        <legend>{t('settings.tracking')}</legend>
        <div className="field checkbox">
          <input
            id="setting-newsletterTracking"
            type="checkbox"
            checked={form.newsletterTracking}
            aria-describedby="setting-newsletterTracking-hint"
            onChange={(event) => setForm({ ...form, newsletterTracking: event.target.checked })}
          />
          <label htmlFor="setting-newsletterTracking">{t('settings.tracking.on')}</label>
        </div>
        <p className="hint" id="setting-newsletterTracking-hint">
          {t('settings.tracking.hint')}
        </p>
      </fieldset>
      <FormError error={error} />
      <button type="submit" className="primary">
        {t('common.save')}
      </button>
    </form>
  );
}
