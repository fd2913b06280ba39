import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../catalog/load-catalog.js';
import { findUserConfig, loadUserConfig, parseUserConfig, UserConfigError } from './load-config.js';

const catalog = loadCatalog();
const TODAY = '2026-06-01';
const parse = (text: string) => parseUserConfig(text, 'whoowns.yaml', catalog, { today: TODAY });

function problems(text: string) {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof UserConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the file to be rejected');
}

const GOOD = `version: 1
overrides:
  - area: os.patch
    services: [ec2]
    owner: customer
    performedBy: Acme Managed Services
    justification: Contract ACME-17 section 4 - Acme patches every instance monthly
    approvedBy: ciso@example.com
    date: 2026-01-15
    expires: 2027-01-15
attestations:
  - area: org.training
    owner: security-team@example.com
    evidence: https://wiki.example.com/training-2026
    date: 2026-02-01
    expires: 2027-02-01
  - area: data.classification
    resources: [OrdersTable]
    owner: data-governance@example.com
    justification: Classified as confidential in the data register
    date: 2025-01-01
    expires: 2026-01-01
`;

describe('whoowns.yaml', () => {
  it('loads overrides and attestations with their lines, marking expired entries', () => {
    const config = parse(GOOD);
    expect(config.overrides).toHaveLength(1);
    expect(config.overrides[0]).toMatchObject({
      area: 'os.patch',
      line: 3,
      expired: false,
      performedBy: 'Acme Managed Services',
    });
    expect(config.attestations.map((a) => [a.area, a.line, a.expired])).toEqual([
      ['org.training', 12, false],
      ['data.classification', 17, true],
    ]);
  });

  it('rejects an unknown key on its own line', () => {
    expect(
      problems(
        'attestations:\n  - area: org.training\n    owner: me\n    justification: yes\n    date: 2026-01-01\n    expires: 2027-01-01\n    expiry: 2027-01-01\n',
      ),
    ).toEqual([{ line: 7, path: '$.attestations[0].expiry', message: 'Unrecognized key: "expiry"' }]);
  });

  it('rejects a wrong type, a malformed date and a missing field with file lines', () => {
    const found = problems(
      'overrides:\n  - area: os.patch\n    owner: somebody\n    approvedBy: me\n    justification: j\n    date: 2026-13-01\n    expires: 2027-01-01\n',
    );
    expect(found.map((p) => [p.line, p.path])).toEqual([
      [3, '$.overrides[0].owner'],
      [6, '$.overrides[0].date'],
    ]);
    expect(problems('attestations: yes\n')[0]).toMatchObject({ line: 1, path: '$.attestations' });
  });

  it('rejects unknown areas and services, future dates and expiries before the date', () => {
    const found = problems(`attestations:
  - area: data.nowhere
    services: [ec2, nosuch]
    owner: me
    justification: j
    date: 2030-01-01
    expires: 2029-01-01
`);
    expect(found.map((p) => `${p.line}: ${p.message}`)).toEqual([
      expect.stringMatching(/^2: unknown area "data.nowhere"/),
      expect.stringMatching(/^3: unknown service "nosuch"/),
      '6: date 2030-01-01 is in the future (today is 2026-06-01)',
      '7: expires 2029-01-01 is not after date 2030-01-01',
    ]);
  });

  it('rejects an account-wide area limited to services, and an entry with no justification or evidence', () => {
    expect(
      problems(
        'attestations:\n  - area: org.training\n    services: [ec2]\n    owner: me\n    justification: j\n    date: 2026-01-01\n    expires: 2027-01-01\n',
      )[0]?.message,
    ).toContain('account-wide');
    expect(
      problems(
        'attestations:\n  - area: org.training\n    owner: me\n    date: 2026-01-01\n    expires: 2027-01-01\n',
      )[0],
    ).toMatchObject({
      line: 2,
      message: 'give a justification or an evidence link',
    });
  });

  it('names the line of a YAML syntax error and says nothing was run', () => {
    const error = (() => {
      try {
        parse('attestations:\n  - area: [unclosed\n');
      } catch (e) {
        return e as UserConfigError;
      }
      return undefined;
    })();
    expect(error?.problems[0]?.line).toBeGreaterThanOrEqual(2);
    expect(error?.message).toMatch(
      /^whoowns.yaml: invalid configuration, nothing was run:\n {2}whoowns.yaml:\d+: /,
    );
  });

  it('finds ./whoowns.yaml, honours an explicit file, and reports a missing one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'whoowns-config-'));
    expect(await findUserConfig(undefined, catalog, { cwd: dir, today: TODAY })).toBeUndefined();
    writeFileSync(join(dir, 'whoowns.yaml'), GOOD);
    expect((await findUserConfig(undefined, catalog, { cwd: dir, today: TODAY }))?.overrides).toHaveLength(1);
    await expect(loadUserConfig(join(dir, 'missing.yaml'), catalog)).rejects.toThrow(/file not found/);
  });
});
