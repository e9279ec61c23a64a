import { upload } from '../../app/api';
import type { Schemas } from '../../app/api/types';

export type InterestFile = Schemas['InterestFile'];
export const MAX_INTEREST_FILE_BYTES = 10 * 1024 * 1024;

export const interestFileUrl = (slug: string, id: string) =>
  `/api/v1/t/${slug}/community/opportunities/${id}/interest/file`;

/** Why a chosen file cannot be sent (checked before anything is sent; the server checks again). */
export function interestFileProblem(file: File): 'notPdf' | 'empty' | 'tooLarge' | null {
  if (file.type !== 'application/pdf' && !/\.pdf$/i.test(file.name)) return 'notPdf';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_INTEREST_FILE_BYTES) return 'tooLarge';
  return null;
}

export function uploadInterestFile(slug: string, id: string, file: File) {
  return upload<InterestFile>(
    'PUT',
    `/t/${slug}/community/opportunities/${id}/interest/file?name=${encodeURIComponent(file.name)}`,
    file,
    'application/pdf',
  );
}

/** 1 decimal place in MB from 0.1 MB up, whole KB below. */
export function fileSize(bytes: number): string {
  return bytes >= 100 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
