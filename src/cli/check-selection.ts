import type { Command } from 'commander';
import type { Check } from '../checks/check.js';
import { ALL_CHECKS } from '../checks/registry.js';
import { selectChecks } from '../engine/run-checks.js';
import { UsageError } from './errors.js';
import { collectList, parseSeverity } from './options.js';

/** The check filters every command that runs or plans checks accepts. */
export interface CheckSelectionOptions {
  check?: string[];
  skipCheck?: string[];
  severity?: string;
  area?: string[];
}

export function addCheckSelectionOptions(command: Command): Command {
  return command
    .option('--check <ids>', 'only these check ids (comma-separated or repeated)', collectList)
    .option('--skip-check <ids>', 'leave out these check ids', collectList)
    .option('--severity <level>', 'only checks at or above this severity')
    .option(
      '--area <areas>',
      'only checks of these responsibility areas or groups (e.g. data, net.ingress)',
      collectList,
    );
}

/** The checks the options select; an unknown id is a usage error, not an empty run. */
export function checksFromOptions(options: CheckSelectionOptions): Check[] {
  const unknownIds = [...(options.check ?? []), ...(options.skipCheck ?? [])].filter(
    (id) => !ALL_CHECKS.some((c) => c.id === id),
  );
  if (unknownIds.length)
    throw new UsageError(`unknown check id: ${unknownIds.join(', ')} (see: whoowns checks)`);
  return selectChecks(ALL_CHECKS, {
    ...(options.check ? { checkIds: options.check } : {}),
    ...(options.skipCheck ? { skipCheckIds: options.skipCheck } : {}),
    ...(options.severity ? { minSeverity: parseSeverity(options.severity, '--severity') } : {}),
    ...(options.area ? { areas: options.area } : {}),
  });
}
