import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../catalog/load-catalog.js';
import { ALL_CHECKS } from '../checks/registry.js';
import { runChecks } from '../engine/run-checks.js';
import type { Inventory } from '../model/inventory.js';
import { loadTemplateText } from '../sources/cloudformation/index.js';
import { buildResponsibilityMap } from './build-map.js';
import { summarizeScan } from './summarize-scan.js';
import { summarizeOwnership } from './summarize.js';

const catalog = loadCatalog();
const checksDir = new URL('../checks/', import.meta.url).pathname;

/** Every good and bad check fixture, plus the bundled example: most resource types and outcomes. */
function templates(): Array<{ file: string; inventory: Inventory }> {
  const files = readdirSync(checksDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(good|bad)\.ya?ml$/.test(f))
    .map((f) => join(checksDir, f));
  files.push(new URL('../../examples/ecommerce/template.yaml', import.meta.url).pathname);
  return files.map((file) => ({ file, inventory: loadTemplateText(readFileSync(file, 'utf8'), file) }));
}

describe('summarizeScan', () => {
  const sources = templates().map(({ file, inventory }) => ({
    file,
    inventory,
    results: runChecks(inventory, ALL_CHECKS, new Date('2026-11-01T00:00:00Z')),
  }));

  it('gives the summary of the full map, template by template', () => {
    expect(sources.length).toBeGreaterThan(50);
    for (const { file, inventory, results } of sources) {
      const expected = summarizeOwnership([buildResponsibilityMap(inventory, results, catalog)]);
      expect(summarizeScan([{ inventory, results }], catalog), file).toEqual(expected);
    }
  });

  it('merges account areas across sources as the full maps do', () => {
    const expected = summarizeOwnership(
      sources.map(({ inventory, results }) => buildResponsibilityMap(inventory, results, catalog)),
    );
    const summary = summarizeScan(sources, catalog);
    expect(summary).toEqual(expected);
    expect(summary.failing).toBeGreaterThan(0);
    expect(summary.verified).toBeGreaterThan(0);
  });
});
