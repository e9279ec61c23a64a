import { type ReactNode, useId } from 'react';
import { ApiError } from './api';
import { useI18n } from './i18n';

/** Labelled input with its hint and error wired for screen readers. */
export function Field(props: {
  label: string;
  name: string;
  value: string;
  onChange(value: string): void;
  type?: string;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
  autoComplete?: string;
  inputMode?: 'email' | 'text';
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy =
    [props.hint ? hintId : '', props.error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        required={props.required}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => props.onChange(event.target.value)}
      />
      {props.hint && (
        <p className="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p className="field-error" id={errorId}>
          {props.error}
        </p>
      )}
    </div>
  );
}

export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const text = error instanceof ApiError ? error.problem.title : t('common.error');
  return (
    <p className="alert alert-error" role="alert">
      {text}
    </p>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <p className="alert alert-info" role="status">
      {children}
    </p>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="muted loading" role="status">
      {t('common.loading')}
    </p>
  );
}

/** The server's message for one field of a failed form, if it named that field. */
export function fieldErrorOf(error: unknown, path: string): string | undefined {
  return error instanceof ApiError ? error.fieldError(path) : undefined;
}

/** A form's overall error, shown only when the server did not already point at particular fields. */
export function FormError({ error }: { error: unknown }) {
  if (error instanceof ApiError && error.problem.errors?.length) return null;
  return <ErrorMessage error={error} />;
}
