import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Field, FormError, fieldErrorOf, Loading, Notice } from '../../app/ui';
import { useConsoleHome } from './AdminLayout';

type Settings = {
  nameJa: string;
  nameEn: string;
  employeesMayJoin: boolean;
  joinRequestsOpen: boolean;
  autoApproveJoinRequests: boolean;
};
type Flag = 'employeesMayJoin' | 'joinRequestsOpen' | 'autoApproveJoinRequests';

export function SettingsPage() {
  const { t } = useI18n();
  const home = useConsoleHome();
  const [form, setForm] = useState<Settings | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    api<Settings>('GET', `/t/${home.tenant.slug}/settings`).then(setForm, setError);
  }, [home.tenant.slug]);
  if (!form) return error ? <ErrorMessage error={error} /> : <Loading />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setError(null);
    try {
      const { nameJa, nameEn, employeesMayJoin, joinRequestsOpen, autoApproveJoinRequests } = form;
      setForm(
        await api<Settings>('PATCH', `/t/${home.tenant.slug}/settings`, {
          nameJa,
          nameEn,
          employeesMayJoin,
          joinRequestsOpen,
          autoApproveJoinRequests,
        }),
      );
      setSaved(true);
    } catch (caught) {
      setError(caught);
    }
  };
  const fieldError = (name: string) => fieldErrorOf(error, name);
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
      <FormError error={error} />
      <button type="submit" className="primary">
        {t('common.save')}
      </button>
    </form>
  );
}
