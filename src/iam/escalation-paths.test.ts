import { describe, expect, it } from 'vitest';
import raw from './data/escalation-paths.json' with { type: 'json' };
import { lookupAction } from './action-catalog.js';
import { EscalationFileSchema, escalationPaths } from './escalation-paths.js';

describe('the privilege-escalation table', () => {
  it('validates against its schema and holds at least 20 paths with unique ids', () => {
    expect(EscalationFileSchema.safeParse(raw).success).toBe(true);
    const paths = escalationPaths();
    expect(paths.length).toBeGreaterThanOrEqual(20);
    expect(new Set(paths.map((p) => p.id)).size).toBe(paths.length);
  });
  it('names only documented actions, and sets iam:PassedToService exactly on iam:PassRole steps', () => {
    for (const path of escalationPaths()) {
      for (const step of path.steps) {
        for (const action of step.anyOf) expect(lookupAction(action), `${path.id}: ${action}`).toBeDefined();
        const passes = step.anyOf.includes('iam:PassRole');
        expect(step.passedToService !== undefined, `${path.id}`).toBe(passes);
      }
    }
  });
  it('rejects malformed entries', () => {
    const broken = { ...raw, paths: raw.paths.map((p, i) => (i === 0 ? { ...p, steps: [] } : p)) };
    expect(EscalationFileSchema.safeParse(broken).success).toBe(false);
    expect(EscalationFileSchema.safeParse({ ...raw, paths: raw.paths.slice(0, 5) }).success).toBe(false);
  });
});
