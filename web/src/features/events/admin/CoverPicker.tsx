import { type ChangeEvent, useState } from 'react';
import { upload } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { ErrorMessage, Field, fieldErrorOf } from '../../../app/ui';

type Picture = { id: string; url: string; width: number; height: number };
export type CoverDraft = { id: string; url: string } | null;

/**
 * The event's cover: a picture uploaded at once (checked, resized and stripped of metadata by the
 * server, which refuses anything but JPEG, PNG or WebP up to 8 MB) and its alternative text.
 */
export function CoverPicker(props: {
  slug: string;
  cover: CoverDraft;
  alt: string;
  onChange(changes: { cover?: CoverDraft; coverAlt?: string }): void;
  error: unknown;
}) {
  const { t } = useI18n();
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setUploadError(null);
    setBusy(true);
    try {
      const picture = await upload<Picture>('POST', `/t/${props.slug}/events/images`, file);
      props.onChange({ cover: { id: picture.id, url: picture.url } });
    } catch (caught) {
      setUploadError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <fieldset className="plain-fieldset">
      <legend>{t('eventsConsole.cover')}</legend>
      <p className="hint">{t('eventsConsole.coverHint')}</p>
      {props.cover && <img src={props.cover.url} alt="" className="event-cover" />}
      <div className="actions">
        <label className="button">
          {props.cover ? t('eventsConsole.coverReplace') : t('eventsConsole.coverChoose')}
          <input
            type="file"
            name="cover"
            accept="image/jpeg,image/png,image/webp"
            className="visually-hidden"
            onChange={choose}
            disabled={busy}
          />
        </label>
        {props.cover && (
          <button type="button" className="link-button" onClick={() => props.onChange({ cover: null })}>
            {t('eventsConsole.coverRemove')}
          </button>
        )}
      </div>
      {busy && <p className="muted">{t('eventsConsole.coverUploading')}</p>}
      <ErrorMessage error={uploadError} />
      {props.cover && (
        <Field
          label={t('eventsConsole.field.coverAlt')}
          name="coverAlt"
          value={props.alt}
          onChange={(coverAlt) => props.onChange({ coverAlt })}
          hint={t('eventsConsole.field.coverAltHint')}
          error={fieldErrorOf(props.error, 'coverAlt')}
          required
        />
      )}
    </fieldset>
  );
}
