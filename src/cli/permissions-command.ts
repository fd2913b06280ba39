import type { Command } from 'commander';
import { collectionNeeds } from '../checks/check.js';
import { ALL_CHECKS } from '../checks/registry.js';
import { selectChecks } from '../engine/run-checks.js';
import { UsageError } from './errors.js';
import { collectList, parseSeverity } from './options.js';

interface PermissionsOptions {
  check?: string[];
  skipCheck?: string[];
  severity?: string;
  area?: string[];
}

export function registerPermissionsCommand(program: Command): void {
  program
    .command('permissions')
    .description('print the least-privilege IAM policy a live scan (--aws) needs for the selected checks')
    .option('--check <ids>', 'only these check ids', collectList)
    .option('--skip-check <ids>', 'leave out these check ids', collectList)
    .option('--severity <level>', 'only checks at or above this severity')
    .option('--area <areas>', 'only checks of these responsibility areas or groups', collectList)
    .action(async (options: PermissionsOptions) => {
      const unknownIds = [...(options.check ?? []), ...(options.skipCheck ?? [])].filter(
        (id) => !ALL_CHECKS.some((c) => c.id === id),
      );
      if (unknownIds.length)
        throw new UsageError(`unknown check id: ${unknownIds.join(', ')} (see: whoowns checks)`);
      const checks = selectChecks(ALL_CHECKS, {
        ...(options.check ? { checkIds: options.check } : {}),
        ...(options.skipCheck ? { skipCheckIds: options.skipCheck } : {}),
        ...(options.severity ? { minSeverity: parseSeverity(options.severity, '--severity') } : {}),
        ...(options.area ? { areas: options.area } : {}),
      });
      // Loaded on demand: the collectors pull in the AWS SDK.
      const { leastPrivilegePolicy } = await import('../sources/aws/permissions.js');
      process.stdout.write(`${JSON.stringify(leastPrivilegePolicy(collectionNeeds(checks)), null, 2)}\n`);
    });
}
