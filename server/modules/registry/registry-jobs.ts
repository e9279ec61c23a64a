import { AppError } from '../../platform/errors.js';
import type { Deps } from '../../platform/http/env.js';
import { applyImport, finishAppliedImport } from './import/apply-import.js';
import { checkImport } from './import/check-import.js';
import { expireDryRuns } from './import/expire-dry-runs.js';
import { markImportFailed } from './import/imports.js';
import { resumeInterruptedApplies } from './import/resume-applies.js';
import { remindInvitation } from './invitations/remind-invitation.js';

/** Dry runs and applies run as durable jobs, so a large file survives the browser tab closing. */
export function registerRegistryJobs(deps: Deps): void {
  deps.jobs.handle('registry.invitation.remind', (data) =>
    remindInvitation(deps, data as { tenantId: string; invitationId: string; token: string }),
  );
  deps.jobs.handle('registry.import.check', async (data) => {
    const { tenantId, importId } = data as { tenantId: string; importId: string };
    try {
      await checkImport(deps.database.db, tenantId, importId);
    } catch (error) {
      // A file we cannot read will not read better on a retry; the import already says why.
      if (!(error instanceof AppError)) throw error;
    }
  });
  deps.jobs.handle('registry.import.recover', async () => {
    await resumeInterruptedApplies(deps);
  });
  deps.jobs.handle('registry.import.expire', async (_data, signal) => {
    await expireDryRuns(deps, new Date(), signal);
  });
  deps.jobs.atStart(async () => {
    await resumeInterruptedApplies(deps);
  });
  deps.jobs.handle('registry.import.cleanup', async (data) => {
    const { tenantId, importId } = data as { tenantId: string; importId: string };
    await finishAppliedImport(deps.database.db, tenantId, importId);
  });
  deps.jobs.handle('registry.import.apply', async (data) => {
    const { tenantId, importId, actorMembershipId, ipAddress } = data as {
      tenantId: string;
      importId: string;
      actorMembershipId: string | null;
      ipAddress?: string;
    };
    try {
      await applyImport(deps, tenantId, importId, { membershipId: actorMembershipId, ipAddress });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      await markImportFailed(deps.database.db, tenantId, importId, error.code);
    }
  });
}
