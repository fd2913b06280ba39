import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../src/checks/registry.js';
import { runChecks } from '../src/engine/run-checks.js';
import { loadTemplateFile, TemplateParseError } from '../src/sources/cloudformation/index.js';

/** AWS's public CloudFormation templates, kept beside the repository in shared/corpus. */
const CORPUS = resolve(import.meta.dirname ?? __dirname, '../../shared/corpus/cloudformation');

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listFiles(path);
    return /\.(ya?ml|json|template)$/i.test(name) ? [path] : [];
  });
}

describe.skipIf(!existsSync(CORPUS))("AWS's 312 public templates", () => {
  it('all load, or fail with a clear TemplateParseError, and no check errors on them', async () => {
    const files = listFiles(CORPUS);
    expect(files.length).toBeGreaterThan(300);
    let loaded = 0;
    const crashes: string[] = [];
    const checkErrors: string[] = [];
    for (const file of files) {
      try {
        const inventory = await loadTemplateFile(file);
        loaded += 1;
        for (const r of runChecks(inventory, ALL_CHECKS)) {
          if (r.status === 'ERROR') checkErrors.push(`${file} ${r.checkId} ${r.resource.id}: ${r.message}`);
        }
      } catch (error) {
        if (!(error instanceof TemplateParseError)) crashes.push(`${file}: ${String(error)}`);
      }
    }
    expect(crashes).toEqual([]);
    expect(checkErrors).toEqual([]);
    // Every real template parses; only non-templates (event payloads, manifests, configs) are refused.
    expect(loaded).toBeGreaterThanOrEqual(290);
  }, 120_000);
});
