import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { call, client } from '../../app/api';
import { allValues, type Schemas } from '../../app/api/types';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Field, FormError, fieldErrorOf, Loading } from '../../app/ui';
import { useConsoleHome } from '../admin/AdminLayout';
import { registryKeys } from './registry-keys';

type CustomField = Schemas['CustomField'];
const types = allValues<CustomField['type']>()(['text', 'number', 'date', 'select']);

/** The network's own record fields (e.g. 退職時等級), usable in records, imports and filters. */
export function CustomFieldsPage() {
  const { t } = useI18n();
  const { tenant } = useConsoleHome();
  const slug = tenant.slug;
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: registryKeys.customFields(slug),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/registry/custom-fields', { params: { path: { slug } }, signal })),
  });
  const fields = list.data?.fields;
  const [form, setForm] = useState({ key: '', label: '', type: 'text' as CustomField['type'], options: '' });
  const [error, setError] = useState<unknown>(null);
  const [removeError, setRemoveError] = useState<unknown>(null);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await call(
        client.POST('/v1/t/{slug}/registry/custom-fields', {
          params: { path: { slug } },
          body: {
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
          },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: registryKeys.customFields(slug) });
      setForm({ key: '', label: '', type: 'text', options: '' });
    } catch (caught) {
      setError(caught);
    }
  };
  const remove = async (field: CustomField) => {
    setRemoveError(null);
    try {
      await call(
        client.DELETE('/v1/t/{slug}/registry/custom-fields/{id}', {
          params: { path: { slug, id: field.id } },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: registryKeys.customFields(slug) });
    } catch (caught) {
      setRemoveError(caught);
    }
  };

  return (
    <section>
      <h2>{t('fields.title')}</h2>
      <p className="lead">{t('fields.lead')}</p>
      <ErrorMessage error={removeError ?? list.error} />
      {list.isPending && <Loading />}
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
