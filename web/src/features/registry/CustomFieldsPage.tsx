import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { Field, FormError, fieldErrorOf } from '../../app/ui';
import { useConsoleHome } from '../admin/AdminLayout';

type CustomField = {
  id: string;
  key: string;
  label: string;
  type: 'text' | 'number' | 'date' | 'select';
  options: string[];
};
const types = ['text', 'number', 'date', 'select'] as const;

/** The network's own record fields (e.g. 退職時等級), usable in records, imports and filters. */
export function CustomFieldsPage() {
  const { t } = useI18n();
  const { tenant } = useConsoleHome();
  const slug = tenant.slug;
  const [fields, setFields] = useState<CustomField[] | null>(null);
  const [form, setForm] = useState({ key: '', label: '', type: 'text' as CustomField['type'], options: '' });
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api<{ fields: CustomField[] }>('GET', `/t/${slug}/registry/custom-fields`).then(
      (d) => setFields(d.fields),
      setError,
    );
  }, [slug]);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const created = await api<CustomField>('POST', `/t/${slug}/registry/custom-fields`, {
        key: form.key,
        label: form.label,
        type: form.type,
        ...(form.type === 'select'
          ? {
              options: form.options
                .split(/[,、]/)
                .map((o) => o.trim())
                .filter(Boolean),
            }
          : {}),
      });
      setFields([...(fields ?? []), created]);
      setForm({ key: '', label: '', type: 'text', options: '' });
    } catch (caught) {
      setError(caught);
    }
  };
  const remove = async (field: CustomField) => {
    try {
      await api('DELETE', `/t/${slug}/registry/custom-fields/${field.id}`);
      setFields((list) => list?.filter((f) => f.id !== field.id) ?? null);
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section>
      <h2>{t('fields.title')}</h2>
      <p className="lead">{t('fields.lead')}</p>
      {fields && fields.length === 0 && <p className="muted">{t('fields.empty')}</p>}
      <ul className="list">
        {fields?.map((field) => (
          <li key={field.id} className="list-row">
            <div>
              <strong>{field.label}</strong> <span className="muted small">{field.key}</span>
              <p className="muted small">
                {t(`fields.type.${field.type}`)}
                {field.options.length > 0 && ` ・ ${field.options.join('、')}`}
              </p>
            </div>
            <button type="button" className="danger" onClick={() => remove(field)}>
              {t('common.remove')}
            </button>
          </li>
        ))}
      </ul>
      <form className="card inset" onSubmit={add} noValidate>
        <h3>{t('fields.add')}</h3>
        <Field
          label={t('fields.label')}
          name="label"
          value={form.label}
          onChange={(label) => setForm({ ...form, label })}
          error={fieldErrorOf(error, 'label')}
          required
        />
        <Field
          label={t('fields.key')}
          name="key"
          value={form.key}
          hint={t('fields.keyHint')}
          onChange={(key) => setForm({ ...form, key })}
          error={fieldErrorOf(error, 'key')}
          required
        />
        <div className="field">
          <label htmlFor="field-type">{t('fields.type')}</label>
          <select
            id="field-type"
            value={form.type}
            onChange={(event) => setForm({ ...form, type: event.target.value as CustomField['type'] })}
          >
            {types.map((type) => (
              <option key={type} value={type}>
                {t(`fields.type.${type}`)}
              </option>
            ))}
          </select>
        </div>
        {form.type === 'select' && (
          <Field
            label={t('fields.options')}
            name="options"
            value={form.options}
            hint={t('field.formerNamesHint')}
            onChange={(options) => setForm({ ...form, options })}
            error={fieldErrorOf(error, 'options')}
          />
        )}
        <FormError error={error} />
        <button type="submit" className="primary">
          {t('fields.add')}
        </button>
      </form>
    </section>
  );
}
