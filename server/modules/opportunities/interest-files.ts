import { and, eq, sql } from 'drizzle-orm';
import { opportunityInterestFiles } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { deleteInterestFile, interestFileMeta } from './interest-file-rows.js';
import { findMemberOpportunity, refuseIfClosed } from './interests.js';

export const MAX_INTEREST_FILE_BYTES = 10 * 1024 * 1024;
const PDF_MAGIC = '%PDF-';

/**
 * The type is checked on the declared media type and on the bytes: a PDF starts with "%PDF-"
 * (ISO 32000-1, 7.5.2), so a renamed image or executable is refused whatever it is called.
 */
export function checkPdf(bytes: Uint8Array, contentType: string | undefined) {
  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType !== 'application/pdf') throw new AppError(415, 'interest_file_type');
  if (bytes.length === 0) throw new AppError(422, 'interest_file_empty');
  if (bytes.length > MAX_INTEREST_FILE_BYTES) throw new AppError(413, 'interest_file_too_large');
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PDF_MAGIC.length));
  if (head !== PDF_MAGIC) throw new AppError(422, 'interest_file_not_pdf');
}

/** The last part of what the device called it (never a path), ending in .pdf. */
export function pdfFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[/\\]/).pop()!.trim();
  if (!base || base === '.pdf') return 'document.pdf';
  return /\.pdf$/i.test(base) ? base : `${base}.pdf`;
}

/** The member's own live answer for the opportunity, or 409 when there is none to attach to. */
async function ownLiveInterest(ctx: TenantServiceContext, opportunityId: string) {
  const found = await findMemberOpportunity(ctx, opportunityId);
  if (!found.interest || found.interest.withdrawnAt) throw conflict('interest_file_needs_interest');
  return found;
}

/**
 * Attaches (or replaces) the PDF of the member's 「興味あり」. Bytes cross to the database as base64:
 * PGlite's bytea parameters are formatted byte by byte, far too slow for a 10 MB file.
 */
export async function attachInterestFile(
  ctx: TenantServiceContext,
  opportunityId: string,
  upload: { bytes: Uint8Array; contentType: string | undefined; name: string | undefined },
) {
  checkPdf(upload.bytes, upload.contentType);
  const { opportunity, interest, file } = await ownLiveInterest(ctx, opportunityId);
  refuseIfClosed(opportunity);
  const values = {
    fileName: pdfFileName(upload.name),
    contentType: 'application/pdf',
    size: upload.bytes.length,
    content: sql`decode(${Buffer.from(upload.bytes).toString('base64')}, 'base64')`,
    createdAt: new Date(),
  };
  const [stored] = await ctx.tx
    .insert(opportunityInterestFiles)
    .values({ tenantId: ctx.tenant.id, interestId: interest!.id, ...values })
    .onConflictDoUpdate({
      target: [opportunityInterestFiles.tenantId, opportunityInterestFiles.interestId],
      set: values,
    })
    .returning(interestFileMeta);
  return { file: stored!, created: file === null };
}

async function readFile(ctx: TenantServiceContext, interestId: string) {
  const [row] = await ctx.tx
    .select({
      ...interestFileMeta,
      content: sql<string>`encode(${opportunityInterestFiles.content}, 'base64')`,
    })
    .from(opportunityInterestFiles)
    .where(
      and(
        eq(opportunityInterestFiles.tenantId, ctx.tenant.id),
        eq(opportunityInterestFiles.interestId, interestId),
      ),
    );
  if (!row) throw notFound();
  return { name: row.name, content: Buffer.from(row.content, 'base64') };
}

/** The member's own file: reached only through their own answer, so nobody else's can be asked for. */
export async function readOwnInterestFile(ctx: TenantServiceContext, opportunityId: string) {
  const { interest } = await findMemberOpportunity(ctx, opportunityId);
  if (!interest) throw notFound();
  return readFile(ctx, interest.id);
}

export async function removeOwnInterestFile(ctx: TenantServiceContext, opportunityId: string) {
  const { interest } = await findMemberOpportunity(ctx, opportunityId);
  if (!interest) throw notFound();
  await deleteInterestFile(ctx, interest.id);
}

/** HR opens a candidate's CV: personal data, so each download is in the audit log. */
export async function readCandidateFile(ctx: TenantServiceContext, candidateId: string) {
  const file = await readFile(ctx, candidateId);
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenant.id,
    actorMembershipId: ctx.actor.membershipId,
    action: 'candidate.file_downloaded',
    targetType: 'opportunity_interest',
    targetId: candidateId,
    data: { fileName: file.name },
    ipAddress: ctx.ipAddress,
  });
  return file;
}
