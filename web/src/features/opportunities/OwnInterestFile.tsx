import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage } from '../../app/ui';
import { InterestFileInput, sendable } from './InterestFileInput';
import { fileSize, type InterestFile, interestFileUrl, uploadInterestFile } from './interest-file';

/** The PDF attached to my 「興味あり」: download or remove it, or attach one now. */
export function OwnInterestFile({
  slug,
  id,
  file,
  onChanged,
}: {
  slug: string;
  id: string;
  file: InterestFile | null;
  onChanged(): void;
}) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<File | null>(null);
  const attach = useMutation({
    mutationFn: (pdf: File) => uploadInterestFile(slug, id, pdf),
    onSuccess: () => {
      setChosen(null);
      onChanged();
    },
  });
  const remove = useMutation({
    mutationFn: () =>
      call(
        client.DELETE('/v1/t/{slug}/community/opportunities/{id}/interest/file', {
          params: { path: { slug, id } },
        }),
      ),
    onSuccess: onChanged,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen && sendable(chosen)) attach.mutate(chosen);
  };
  if (file) {
    return (
      <div className="interest-file">
        <p className="small">
          {t('opportunities.fileAttached')}{' '}
          <a href={interestFileUrl(slug, id)} download={file.name}>
            {file.name}
          </a>{' '}
          <span className="muted">({fileSize(file.size)})</span>
        </p>
        <ErrorMessage error={remove.error} />
        <button type="button" disabled={remove.isPending} onClick={() => remove.mutate()}>
          {t('opportunities.fileRemove')}
        </button>
      </div>
    );
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t('opportunities.file')}>
      <InterestFileInput file={chosen} onChange={setChosen} />
      <ErrorMessage error={attach.error} />
      <button type="submit" disabled={!chosen || !sendable(chosen) || attach.isPending}>
        {t('opportunities.fileAttach')}
      </button>
    </form>
  );
}
