import { and, asc, eq, gt } from 'drizzle-orm';
import type { AppDatabase } from '../../../db/client.js';
import { importChunks } from '../../../db/schema/index.js';
import { inTenant } from '../../../db/scope.js';
import { AppError } from '../../../platform/errors.js';

export const CHUNK_BYTES = 1024 * 1024;
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/** Re-cuts any stream of byte pieces into pieces of exactly CHUNK_BYTES (the last may be shorter). */
export async function* rechunk(
  source: AsyncIterable<Uint8Array>,
  size = CHUNK_BYTES,
): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let total = 0;
  for await (const piece of source) {
    total += piece.length;
    if (total > MAX_IMPORT_BYTES) {
      throw new AppError(413, 'import_file_too_large', [
        { path: 'file', code: 'import_file_too_large', params: { max: MAX_IMPORT_BYTES / 1024 / 1024 } },
      ]);
    }
    pending.push(Buffer.from(piece));
    pendingBytes += piece.length;
    while (pendingBytes >= size) {
      const joined = Buffer.concat(pending);
      yield joined.subarray(0, size);
      pending = [joined.subarray(size)];
      pendingBytes = pending[0]!.length;
    }
  }
  if (pendingBytes > 0) yield Buffer.concat(pending);
}

/** Streams a stored upload back, one chunk per query, so memory stays flat whatever the file size. */
export async function* storedChunks(
  db: AppDatabase,
  tenantId: string,
  importId: string,
): AsyncGenerator<Buffer> {
  let seq = -1;
  for (;;) {
    const [chunk] = await inTenant(db, tenantId, (tx) =>
      tx
        .select()
        .from(importChunks)
        .where(
          and(
            eq(importChunks.tenantId, tenantId),
            eq(importChunks.importId, importId),
            gt(importChunks.seq, seq),
          ),
        )
        .orderBy(asc(importChunks.seq))
        .limit(1),
    );
    if (!chunk) return;
    seq = chunk.seq;
    yield Buffer.from(chunk.data);
  }
}
