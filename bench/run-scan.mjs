// One measured scan, in its own process so peak memory is the scan's alone.

import { loadCatalog } from '../dist/catalog/load-catalog.js';
import { ALL_CHECKS } from '../dist/checks/registry.js';
import { runChecks } from '../dist/engine/run-checks.js';
import { renderJson } from '../dist/report/json.js';
import { buildScanReport } from '../dist/report/scan-report.js';
import { summarizeScan } from '../dist/responsibility/summarize-scan.js';
import { loadTemplateFile } from '../dist/sources/cloudformation/index.js';

const file = process.argv[2];
const t0 = performance.now();
const inventory = await loadTemplateFile(file);
const t1 = performance.now();
const results = runChecks(inventory, ALL_CHECKS);
const tChecks = performance.now();
// As `whoowns scan` does without a whoowns.yaml (src/cli/scan-command.ts).
const ownership = summarizeScan([{ inventory, results }], loadCatalog());
const t2 = performance.now();
// Compact, as `whoowns scan -f json -o report.json` (or a pipe) writes it.
const json = renderJson(
  buildScanReport({
    version: 'bench',
    startedAt: new Date(),
    durationMs: t2 - t0,
    inventories: [inventory],
    checkIds: ALL_CHECKS.map((c) => c.id),
    results,
    failOn: 'high',
    ownership,
  }),
);
const t3 = performance.now();
process.stdout.write(
  JSON.stringify({
    resources: inventory.resources.length + inventory.unmodeled.length,
    results: results.length,
    checks: ALL_CHECKS.length,
    jsonBytes: json.length,
    parseMs: t1 - t0,
    evaluateMs: t2 - t1,
    checksMs: tChecks - t1,
    ownershipMs: t2 - tChecks,
    jsonMs: t3 - t2,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
