import type { ResponseOf, Schemas } from '../../app/api/types';
import type { MessageKey } from '../../app/messages/ja';

export type Import = Schemas['RegistryImport'];
export type ImportStatus = Import['status'];
export type ImportTemplate = ResponseOf<'/v1/t/{slug}/registry/imports'>['templates'][number];
export type Issue = ResponseOf<'/v1/t/{slug}/registry/imports/{id}/issues'>['issues'][number];

const encodingNames: Record<string, MessageKey> = {
  utf8: 'import.encoding.utf8',
  cp932: 'import.encoding.cp932',
  xlsx: 'import.encoding.xlsx',
};

/** The name of a file's encoding; one the screens do not know yet is shown as the server names it. */
export function encodingLabel(t: (key: MessageKey) => string, encoding: string): string {
  const key = encodingNames[encoding];
  return key ? t(key) : encoding;
}
