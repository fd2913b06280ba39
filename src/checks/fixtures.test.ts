import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../engine/run-checks.js';
import { loadTemplateText } from '../sources/cloudformation/index.js';
import { ALL_CHECKS } from './registry.js';

const here = dirname(fileURLToPath(import.meta.url));
const GROUPS = ['data', 'network', 'identity', 'logging', 'runtime', 'resilience', 'account'];

/**
 * Templates never produce an AWS::Account, nor know whether SSM manages an instance: these checks
 * cannot be proven by a template, so their own unit tests build the resources by hand instead.
 */
const LIVE_ONLY_CHECKS = new Set(['ec2-instance-managed-by-ssm']);
const provableByTemplate = (check: (typeof ALL_CHECKS)[number]) =>
  !LIVE_ONLY_CHECKS.has(check.id) && !check.resourceTypes.every((type) => type === 'AWS::Account');

/**
 * A `<id>.live-only` file beside a check says, in words, why a template cannot make it FAIL (or
 * PASS): it needs facts only a live account or the organization gives (last use, the
 * organization's accounts). Such a check must still prove whatever fixtures it has, and its
 * unit tests prove the rest on live-shaped resources.
 */
function liveOnlyMarker(id: string): boolean {
  return GROUPS.some((group) => existsSync(join(here, group, `${id}.live-only`)));
}

function fixturePath(id: string, kind: 'good' | 'bad'): string | undefined {
  for (const group of GROUPS) {
    const path = join(here, group, `${id}.${kind}.yaml`);
    if (existsSync(path)) return path;
  }
  return undefined;
}

function statuses(id: string, kind: 'good' | 'bad') {
  const path = fixturePath(id, kind);
  if (!path) throw new Error(`${id} has no ${kind} fixture`);
  const inventory = loadTemplateText(readFileSync(path, 'utf8'), path);
  const check = ALL_CHECKS.find((c) => c.id === id);
  if (!check) throw new Error(`no check ${id}`);
  expect(inventory.problems.filter((p) => p.resourceId)).toEqual([]);
  return runChecks(inventory, [check]).map((r) => r.status);
}

describe('every check has fixtures that prove it', () => {
  it('check ids are unique', () => {
    const ids = ALL_CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
  for (const check of ALL_CHECKS.filter(provableByTemplate)) {
    const marked = liveOnlyMarker(check.id);
    if (marked && !fixturePath(check.id, 'good') && !fixturePath(check.id, 'bad')) continue;
    it.skipIf(marked && !fixturePath(check.id, 'good'))(`${check.id}: the good fixture passes`, () => {
      const found = statuses(check.id, 'good');
      expect(found).toContain('PASS');
      expect(found).not.toContain('FAIL');
      expect(found).not.toContain('ERROR');
    });
    it.skipIf(marked && !fixturePath(check.id, 'bad'))(`${check.id}: the bad fixture fails`, () => {
      expect(statuses(check.id, 'bad')).toContain('FAIL');
    });
  }
});
