import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../catalog/load-catalog.js';
import { parseUserConfig } from '../config/load-config.js';
import { buildResponsibilityMap } from './build-map.js';
import { areaOf, bucket, inventory, result, sseS3 } from './test-fixtures.js';

const catalog = loadCatalog();
const config = (text: string) => parseUserConfig(text, 'whoowns.yaml', catalog, { today: '2026-06-01' });

const FILE = `overrides:
  - area: data.classification
    services: [s3]
    owner: n/a
    reason: The bucket holds only public web assets
    approvedBy: ciso@example.com
    date: 2026-01-01
    expires: 2027-01-01
  - area: log.service
    resources: [Data]
    owner: customer
    performedBy: Acme MSP
    justification: Acme ships access logs to its SIEM under contract C-17
    approvedBy: ciso@example.com
    date: 2026-01-01
    expires: 2027-01-01
  - area: res.dr
    owner: provider
    approvedBy: ciso@example.com
    justification: old decision
    date: 2024-01-01
    expires: 2025-01-01
attestations:
  - area: org.training
    owner: security-team@example.com
    evidence: https://wiki.example.com/training
    date: 2026-02-01
    expires: 2027-02-01
  - area: data.enc-in-transit
    owner: app-team@example.com
    justification: Clients pin TLS 1.2
    date: 2026-02-01
    expires: 2027-02-01
  - area: res.backup
    resources: [NoSuchBucket]
    owner: me
    justification: j
    date: 2026-02-01
    expires: 2027-02-01
`;

describe("the user's whoowns.yaml as the last layer", () => {
  const b = bucket('Data', sseS3('Data'));
  const results = [result('s3-bucket-tls-only', 'FAIL', 'data.enc-in-transit', b)];
  const map = buildResponsibilityMap(inventory([b]), results, catalog, { userConfig: config(FILE) });
  const areas = map.resources[0]?.areas ?? [];

  it('changes the owner, keeps the trail, and names the file and line', () => {
    const cls = areaOf(areas, 'data.classification');
    expect(cls).toMatchObject({
      owner: 'n/a',
      status: 'n/a',
      reason: 'The bucket holds only public web assets',
    });
    expect(cls.trail.at(-1)).toEqual({ layer: 'override', id: 'whoowns.yaml:2', owner: 'n/a' });
    expect(cls.userEntries?.[0]).toMatchObject({ kind: 'override', line: 2, owner: 'ciso@example.com' });
  });

  it('counts a part a named third party performs as attested', () => {
    expect(areaOf(areas, 'log.service')).toMatchObject({
      owner: 'customer',
      status: 'attested',
      performedBy: 'Acme MSP',
    });
  });

  it('lets an attestation answer an unverified part, never a failing one', () => {
    expect(areaOf(map.account, 'org.training')).toMatchObject({
      status: 'attested',
      userEntries: [{ kind: 'attestation', line: 24 }],
    });
    expect(areaOf(areas, 'data.enc-in-transit').status).toBe('failing');
  });

  it('stops counting expired entries and reports them and entries that matched nothing', () => {
    expect(areaOf(areas, 'res.dr').owner).toBe('shared');
    expect(map.userConfig).toMatchObject({
      expired: [{ kind: 'override', line: 17, area: 'res.dr', expires: '2025-01-01' }],
      unmatched: [{ kind: 'attestation', line: 34, area: 'res.backup' }],
    });
    expect(map.warnings).toContain(
      'whoowns.yaml:17: override for res.dr expired on 2025-01-01; it no longer counts',
    );
  });

  it('recounts the headline with attested parts', () => {
    expect(map.headline.attested).toBe(2);
    expect(map.headline.text).toMatch(/, 2 attested$/);
  });
});
