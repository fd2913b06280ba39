import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../catalog/load-catalog.js';
import { summarizeScan } from '../responsibility/summarize-scan.js';
import { bucket, inventory, result, sseS3 } from '../responsibility/test-fixtures.js';
import { renderJson } from './json.js';
import { buildScanReport } from './scan-report.js';

function sampleReport() {
  const logs = bucket('Logs', sseS3('Logs'));
  const inv = inventory([logs]);
  const results = [result('s3-bucket-versioning', 'FAIL', 'res.backup', logs)];
  return buildScanReport({
    version: 'test',
    startedAt: new Date('2026-01-01T00:00:00Z'),
    durationMs: 1,
    inventories: [inv],
    checkIds: ['s3-bucket-versioning'],
    results,
    failOn: 'high',
    ownership: summarizeScan([{ inventory: inv, results }], loadCatalog()),
  });
}

describe('renderJson', () => {
  it('writes one compact line for files and pipes, and the same document indented for a terminal', () => {
    const report = sampleReport();
    const compact = renderJson(report);
    const indented = renderJson(report, { indent: true });
    expect(compact.trimEnd()).not.toContain('\n');
    expect(indented).toContain('\n  "schemaVersion": "1.0.0",\n');
    expect(JSON.parse(compact)).toEqual(JSON.parse(indented));
    expect(JSON.parse(compact).results[0]).toMatchObject({ checkId: 's3-bucket-versioning', status: 'FAIL' });
  });
});
