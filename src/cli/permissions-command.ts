import type { Command } from 'commander';
import { collectionNeeds } from '../checks/check.js';
import {
  addCheckSelectionOptions,
  type CheckSelectionOptions,
  checksFromOptions,
} from './check-selection.js';

export function registerPermissionsCommand(program: Command): void {
  const command = program
    .command('permissions')
    .description('print the least-privilege IAM policy a live scan (--aws) needs for the selected checks');
  addCheckSelectionOptions(command).action(async (options: CheckSelectionOptions) => {
    const checks = checksFromOptions(options);
    // Loaded on demand: the collectors pull in the AWS SDK.
    const { leastPrivilegePolicy } = await import('../sources/aws/permissions.js');
    process.stdout.write(`${JSON.stringify(leastPrivilegePolicy(collectionNeeds(checks)), null, 2)}\n`);
  });
}
