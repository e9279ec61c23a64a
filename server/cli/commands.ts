import type { Command } from './command-line.js';
import { registryExportCommand, registryImportCommand } from './registry-commands.js';
import { tenantCreateCommand } from './tenant-commands.js';

/** Every command behind `npm run enishi`, in the order the overview lists them. */
export const enishiCommands: readonly Command[] = [
  tenantCreateCommand,
  registryImportCommand,
  registryExportCommand,
];
