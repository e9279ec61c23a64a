import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { call, client } from '../../app/api';
import type { RequestOf } from '../../app/api/types';
import { useI18n } from '../../app/i18n';
import type { MessageKey } from '../../app/messages/ja';
import { Field, FormError, fieldErrorOf } from '../../app/ui';
import { registryKeys } from './registry-keys';
import {
  type AlumniRecord,
  consentValues,
  eligibilityValues,
  leaveReasons,
  wouldReturnValues,
} from './registry-model';

type RecordBody = RequestOf<'/v1/t/{slug}/registry/records', 'post'>;

const listOf = (text: string) =>
  text
    .split(/[,、，]/)
    .map((s) => s.trim())
    .filter(Boolean);

function formFrom(record: AlumniRecord | null) {
  return {
    employeeNumber: record?.employeeNumber ?? '',
    familyName: record?.familyName ?? '',
    givenName: record?.givenName ?? '',
    familyNameKana: record?.familyNameKana ?? '',
    givenNameKana: record?.givenNameKana ?? '',
    formerNames: record?.formerNames.join('、') ?? '',
    emails: record?.emails.join('、') ?? '',
    phone: record?.phone ?? '',
    joinedOn: record?.joinedOn ?? '',
    leftOn: record?.leftOn ?? '',
    lastDepartment: record?.lastDepartment ?? '',
    lastTitle: record?.lastTitle ?? '',
    leaveReason: record?.leaveReason ?? '',
    wouldReturn: record?.wouldReturn ?? 'unanswered',
    eligibility: record?.eligibility ?? 'review',
    contactConsent: record?.contactConsent ?? 'unknown',
    consentWordingVersion: record?.consentWordingVersion ?? '',
    hrTags: record?.hrTags.join('、') ?? '',
    hrNotes: record?.hrNotes ?? '',
    customFields: Object.fromEntries(
      Object.entries(record?.customFields ?? {}).map(([k, v]) => [k, v === null ? '' : String(v)]),
    ) as Record<string, string>,
  };
}

function Choice(props: {
  id: string;
  label: string;
  value: string;
  options: readonly string[];
  labelOf(value: string): string;
  onChange(value: string): void;
  error?: string | undefined;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        {props.options.map((option) => (
          <option key={option} value={option}>
            {props.labelOf(option)}
          </option>
        ))}
      </select>
      {props.error && <p className="field-error">{props.error}</p>}
    </div>
  );
}

/** Create or edit a record; the server normalises readings and dates and answers with field errors. */
export function RecordForm(props: {
  slug: string;
  record: AlumniRecord | null;
  onSaved(record: AlumniRecord): void;
  onCancel?(): void;
}) {
  const { t } = useI18n();
  const [form, setForm] = useState(() => formFrom(props.record));
  const slug = props.slug;
  const queryClient = useQueryClient();
  const fields = useQuery({
    queryKey: registryKeys.customFields(slug),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/registry/custom-fields', { params: { path: { slug } }, signal })),
  });
  const custom = fields.data?.fields ?? [];
  const [saveError, setError] = useState<unknown>(null);
  const error = saveError ?? fields.error;
  const [busy, setBusy] = useState(false);

  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });
  const fieldError = (path: string) => fieldErrorOf(error, path) ?? fieldErrorOf(error, `${path}.0`);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const body: RecordBody = {
      employeeNumber: form.employeeNumber || null,
      familyName: form.familyName,
      givenName: form.givenName,
      familyNameKana: form.familyNameKana,
      givenNameKana: form.givenNameKana,
      formerNames: listOf(form.formerNames),
      emails: listOf(form.emails),
      phone: form.phone || null,
      joinedOn: form.joinedOn || null,
      leftOn: form.leftOn || null,
      lastDepartment: form.lastDepartment || null,
      lastTitle: form.lastTitle || null,
      leaveReason: (form.leaveReason || null) as RecordBody['leaveReason'],
      wouldReturn: form.wouldReturn,
      eligibility: form.eligibility,
      contactConsent: form.contactConsent,
      consentWordingVersion: form.consentWordingVersion || null,
      hrTags: listOf(form.hrTags),
      hrNotes: form.hrNotes,
      customFields: Object.fromEntries(
        custom.map((f) => {
          const value = form.customFields[f.key] ?? '';
          return [f.key, value === '' ? null : f.type === 'number' ? Number(value) : value];
        }),
      ),
    };
    try {
      const saved = props.record
        ? await call(
            client.PATCH('/v1/t/{slug}/registry/records/{id}', {
              params: { path: { slug, id: props.record.id } },
              body,
            }),
          )
        : await call(client.POST('/v1/t/{slug}/registry/records', { params: { path: { slug } }, body }));
      await queryClient.invalidateQueries({ queryKey: registryKeys.records(slug) });
      props.onSaved(saved);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const text = (key: keyof typeof form, label: MessageKey, hint?: MessageKey) => (
    <Field
      label={t(label)}
      name={key}
      value={String(form[key])}
      onChange={set(key)}
      error={fieldError(key)}
      hint={hint ? t(hint) : undefined}
      required={key === 'familyName'}
    />
  );

  return (
    <form className="card" onSubmit={submit} noValidate>
      <div className="grid-2">
        {text('familyName', 'field.familyName')}
        {text('givenName', 'field.givenName')}
        {text('familyNameKana', 'field.familyNameKana')}
        {text('givenNameKana', 'field.givenNameKana')}
      </div>
      {text('employeeNumber', 'field.employeeNumber')}
      {text('formerNames', 'field.formerNames', 'field.formerNamesHint')}
      {text('emails', 'field.emails', 'field.emailsHint')}
      {text('phone', 'field.phone')}
      <div className="grid-2">
        {text('joinedOn', 'field.joinedOn', 'field.dateHint')}
        {text('leftOn', 'field.leftOn', 'field.dateHint')}
      </div>
      {text('lastDepartment', 'field.lastDepartment')}
      {text('lastTitle', 'field.lastTitle')}
      <Choice
        id="record-leave-reason"
        label={t('field.leaveReason')}
        value={form.leaveReason}
        options={['', ...leaveReasons]}
        labelOf={(v) => (v ? t(`leaveReason.${v as (typeof leaveReasons)[number]}`) : t('leaveReason.none'))}
        onChange={set('leaveReason')}
      />
      <div className="grid-2">
        <Choice
          id="record-would-return"
          label={t('field.wouldReturn')}
          value={form.wouldReturn}
          options={wouldReturnValues}
          labelOf={(v) => t(`wouldReturn.${v as (typeof wouldReturnValues)[number]}`)}
          onChange={set('wouldReturn')}
        />
        <Choice
          id="record-eligibility"
          label={t('field.eligibility')}
          value={form.eligibility}
          options={eligibilityValues}
          labelOf={(v) => t(`eligibility.${v as (typeof eligibilityValues)[number]}`)}
          onChange={set('eligibility')}
        />
        <Choice
          id="record-consent"
          label={t('field.contactConsent')}
          value={form.contactConsent}
          options={consentValues}
          labelOf={(v) => t(`consent.${v as (typeof consentValues)[number]}`)}
          onChange={set('contactConsent')}
        />
        {text('consentWordingVersion', 'field.consentWordingVersion')}
      </div>
      {text('hrTags', 'field.hrTags', 'field.formerNamesHint')}
      <div className="field">
        <label htmlFor="record-hr-notes">{t('field.hrNotes')}</label>
        <textarea
          id="record-hr-notes"
          rows={4}
          value={form.hrNotes}
          onChange={(event) => setForm({ ...form, hrNotes: event.target.value })}
        />
      </div>
      {custom.map((f) =>
        f.type === 'select' ? (
          <Choice
            key={f.key}
            id={`custom-${f.key}`}
            label={f.label}
            value={form.customFields[f.key] ?? ''}
            options={['', ...f.options]}
            labelOf={(v) => v || '—'}
            onChange={(value) => setForm({ ...form, customFields: { ...form.customFields, [f.key]: value } })}
            error={fieldErrorOf(error, `customFields.${f.key}`)}
          />
        ) : (
          <Field
            key={f.key}
            label={f.label}
            name={`custom-${f.key}`}
            value={form.customFields[f.key] ?? ''}
            onChange={(value) => setForm({ ...form, customFields: { ...form.customFields, [f.key]: value } })}
            error={fieldErrorOf(error, `customFields.${f.key}`)}
            hint={f.type === 'date' ? t('field.dateHint') : undefined}
          />
        ),
      )}
      <FormError error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('common.save')}
        </button>
        {props.onCancel && (
          <button type="button" className="secondary" onClick={props.onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
