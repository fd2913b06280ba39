import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createValidator } from '../../test/json-schema.js';
import { loadCatalog } from '../catalog/load-catalog.js';
import { parseUserConfig } from '../config/load-config.js';
import { buildResponsibilityMap } from '../responsibility/build-map.js';
import { rollUpControls } from '../responsibility/controls.js';
import { bucket, inventory, result, sseS3 } from '../responsibility/test-fixtures.js';
import { CRM_COLUMNS, csvCell, renderCrmCsv } from './crm-csv.js';
import { buildOscalSsp, oscalControlId, uuidV5 } from './oscal-ssp.js';

const catalog = loadCatalog();
const b = bucket('Data', sseS3('Data'));
const userConfig = parseUserConfig(
  'attestations:\n  - area: org.training\n    owner: sec\n    justification: annual course\n    date: 2026-01-01\n    expires: 2027-01-01\n',
  'whoowns.yaml',
  catalog,
  { today: '2026-06-01' },
);
const map = buildResponsibilityMap(
  inventory([b]),
  [
    result('s3-bucket-versioning', 'PASS', 'res.backup', b),
    result('s3-bucket-tls-only', 'FAIL', 'data.enc-in-transit', b),
  ],
  catalog,
  { userConfig },
);
const controls = rollUpControls(map, catalog);
const control = (id: string) => controls.find((c) => c.controlId === id);

describe('control roll-up', () => {
  it('says what can be inherited, what is the customer’s and how far it is done', () => {
    expect(control('PE-3')).toMatchObject({ canBeInherited: 'Yes', implementationStatus: 'Implemented' });
    expect(control('PE-3')?.origination).toEqual(['Inherited from pre-existing FedRAMP Authorization']);
    expect(control('SC-8')).toMatchObject({ canBeInherited: 'Partial', implementationStatus: 'Planned' });
    expect(control('SC-8')?.customerResponsibility).toContain(
      'Amazon S3: Deny requests without aws:SecureTransport',
    );
    expect(control('AT-2')).toMatchObject({ canBeInherited: 'Partial', implementationStatus: 'Implemented' });
    expect(control('AT-2')?.origination).toContain('Service Provider Corporate');
    expect(controls.map((c) => c.controlId).indexOf('AC-2')).toBeLessThan(
      controls.map((c) => c.controlId).indexOf('AC-17'),
    );
  });
});

describe('Customer Responsibility Matrix (CSV)', () => {
  it('writes a header and one quoted row per control', () => {
    const csv = renderCrmCsv(controls);
    const [header, ...rows] = csv.trimEnd().split('\r\n');
    expect(header).toBe(CRM_COLUMNS.join(','));
    expect(rows[0]).toMatch(/^AC-2,Account management,/);
    expect(csv).toContain('SC-28,Protection of information at rest');
  });

  it('quotes separators and defuses spreadsheet formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
  });
});

describe('OSCAL SSP', () => {
  const ssp = buildOscalSsp(map, controls, catalog, {
    systemName: 'Shop',
    systemId: 'shop-prod',
    leveragedAuthorizationDate: '2016-06-21',
    toolVersion: '0.1.0',
    now: new Date('2026-06-01T00:00:00Z'),
  });

  it('validates against NIST’s OSCAL 1.1.3 SSP schema', () => {
    const schema = JSON.parse(
      readFileSync(new URL('../../../shared/schemas/oscal_ssp_schema.json', import.meta.url), 'utf8'),
    );
    const validate = createValidator({ strict: false }).compile(schema);
    expect(validate(ssp), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
  });

  it('leverages AWS, has a component per service, and inherited and satisfied entries per control', () => {
    const plan = ssp['system-security-plan'];
    expect(plan['system-implementation']['leveraged-authorizations'][0]).toMatchObject({
      'date-authorized': '2016-06-21',
    });
    expect(plan['system-implementation'].components.map((c) => c.title)).toEqual(['Shop', 'Amazon S3']);
    const sc8 = plan['control-implementation']['implemented-requirements'].find(
      (r) => r['control-id'] === 'sc-8',
    );
    const s3 = sc8?.['by-components'][0];
    expect(s3?.inherited?.[0]?.description).toBe('S3 endpoints offer HTTPS/TLS.');
    expect(s3?.satisfied?.[0]?.description).toContain('(data.enc-in-transit: failing)');
    expect(sc8?.['by-components'].at(-1)?.['implementation-status']).toEqual({ state: 'planned' });
  });

  it('uses stable ids and OSCAL control ids', () => {
    expect(uuidV5('x')).toBe(uuidV5('x'));
    expect(uuidV5('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(oscalControlId('SC-7(5)')).toBe('sc-7.5');
  });
});
