import { type ReactNode, useId } from 'react';

/** Wires a control to its hint and error for screen readers, as the shared Field does for inputs. */
function described(id: string, hint?: string, error?: string) {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function Extras(props: { id: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {props.hint && (
        <p className="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p className="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
    </>
  );
}

/** A labelled select with its hint and the server's error for it. */
export function SelectField(props: {
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: string;
  error?: string | undefined;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described(id, props.hint, props.error)}
        onChange={(event) => props.onChange(event.target.value)}
      >
        {props.children}
      </select>
      <Extras id={id} hint={props.hint} error={props.error} />
    </div>
  );
}

/** A labelled textarea with its hint and the server's error for it. */
export function TextAreaField(props: {
  label: string;
  value: string;
  onChange(value: string): void;
  rows?: number;
  maxLength?: number;
  hint?: string;
  error?: string | undefined;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <textarea
        id={id}
        rows={props.rows ?? 4}
        value={props.value}
        maxLength={props.maxLength}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described(id, props.hint, props.error)}
        onChange={(event) => props.onChange(event.target.value)}
      />
      <Extras id={id} hint={props.hint} error={props.error} />
    </div>
  );
}

/** A labelled checkbox. */
export function CheckField(props: { label: string; checked: boolean; onChange(checked: boolean): void }) {
  const id = useId();
  return (
    <div className="choice">
      <input
        type="checkbox"
        id={id}
        checked={props.checked}
        onChange={(event) => props.onChange(event.target.checked)}
      />
      <label htmlFor={id}>{props.label}</label>
    </div>
  );
}
