import { expect } from 'vitest';
import { collectionNeeds } from '../../src/checks/check.js';
import { ALL_CHECKS } from '../../src/checks/registry.js';
import type { ScanReport } from '../../src/report/scan-report.js';
import { declaredOperations, plannedOperations } from '../../src/sources/aws/permissions.js';
import { type CliRun, runCli } from '../cli-helpers.js';
import { motoEnvironment } from './moto.js';

/** Runs the CLI against moto with its environment set for the call only. */
export async function runAgainstMoto(endpoint: string, ...args: string[]): Promise<CliRun> {
  const env = motoEnvironment(endpoint);
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await runCli(...args);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/**
 * A JSON live scan of moto. It also proves the permission declarations: every operation the scan
 * really sent must be declared by a collector, or `whoowns permissions` would under-grant.
 */
export async function scanMoto(
  endpoint: string,
  ...args: string[]
): Promise<{ report: ScanReport; run: CliRun }> {
  const run = await runAgainstMoto(
    endpoint,
    'scan',
    '--aws',
    '--endpoint-url',
    endpoint,
    '--format',
    'json',
    '--quiet',
    ...args,
  );
  if (run.code === 2) throw new Error(`scan failed: ${run.stderr}`);
  const report = JSON.parse(run.stdout) as ScanReport;
  const sent = Object.keys(report.scan.live?.operations ?? {});
  const declared = declaredOperations();
  expect(sent.filter((op) => !declared.has(op))).toEqual([]);
  // Stronger: what the policy for exactly these checks allows covers everything that was sent.
  const selected = ALL_CHECKS.filter((c) => report.scan.checks.includes(c.id));
  const planned = plannedOperations(collectionNeeds(selected));
  expect(sent.filter((op) => !planned.has(op))).toEqual([]);
  return { report, run };
}

/** Status of one check on one resource (matched by name), or undefined when it did not run there. */
export function statusOf(report: ScanReport, checkId: string, resourceName: string): string[] {
  return report.results
    .filter((r) => r.checkId === checkId && r.resource.name === resourceName)
    .map((r) => r.status);
}
