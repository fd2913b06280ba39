import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ResponsibilityMap } from '../src/responsibility/types.js';
import { runCli } from './cli-helpers.js';
import { createValidator } from './json-schema.js';

const EXAMPLE = 'examples/ecommerce/template.yaml';
const dir = mkdtempSync(join(tmpdir(), 'whoowns-resp-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const CONFIG = write(
  'whoowns.yaml',
  `attestations:
  - area: org.training
    owner: security-team@example.com
    evidence: https://wiki.example.com/training
    date: 2026-01-01
    expires: 2099-01-01
  - area: ir.response
    owner: security-team@example.com
    justification: Runbook rehearsed in March
    date: 2020-01-01
    expires: 2021-01-01
`,
);

describe('whoowns responsibilities', () => {
  it('prints the headline, services, resources and statuses', async () => {
    const run = await runCli('responsibilities', EXAMPLE, '--config', CONFIG);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^you own \d+ responsibilities across \d+ resources and the account: \d+ verified, \d+ failing, \d+ unverified, 1 attested/,
    );
    expect(run.stdout).toContain('Amazon S3 (s3, abstracted)');
    expect(run.stdout).toMatch(/✓ verified\s+os.hardening/);
    expect(run.stdout).toContain('ACCOUNT-WIDE');
    expect(run.stdout).toMatch(
      /whoowns.yaml:7: attestation for ir.response expired on 2021-01-01; it no longer counts/,
    );
    expect(run.stdout).not.toContain('why:');
  });

  it('shows the resolution trail with --explain', async () => {
    const run = await runCli('responsibilities', EXAMPLE, '--explain', '--no-config');
    expect(run.stdout).toMatch(/why: category abstracted: shared → service s3: shared/);
  });

  it('writes the map as JSON', async () => {
    const run = await runCli('responsibilities', EXAMPLE, '-f', 'json', '--no-config');
    const map = JSON.parse(run.stdout) as ResponsibilityMap;
    expect(map.headline.owned).toBeGreaterThan(50);
    const statuses = new Set(map.resources.flatMap((r) => r.areas.map((a) => a.status)));
    expect([...statuses].sort()).toEqual(
      expect.arrayContaining(['failing', 'inherited', 'n/a', 'unverified', 'verified']),
    );
  });

  it('exports a Customer Responsibility Matrix and a valid OSCAL SSP', async () => {
    const csv = await runCli('responsibilities', EXAMPLE, '-f', 'crm-csv', '--no-config');
    expect(csv.stdout.split('\r\n')[0]).toMatch(/^Control ID,Control Name,Can Be Inherited from CSP,/);
    const missingDate = await runCli('responsibilities', EXAMPLE, '-f', 'oscal-ssp', '--no-config');
    expect(missingDate.code).toBe(2);
    expect(missingDate.stderr).toContain('--authorization-date');
    const out = join(dir, 'ssp.json');
    const ssp = await runCli(
      'responsibilities',
      EXAMPLE,
      '-f',
      'oscal-ssp',
      '--authorization-date',
      '2016-06-21',
      '--system-name',
      'Shop',
      '-o',
      out,
      '--no-config',
    );
    expect(ssp.code).toBe(0);
    const schema = JSON.parse(
      readFileSync(new URL('../../shared/schemas/oscal_ssp_schema.json', import.meta.url), 'utf8'),
    );
    const validate = createValidator({ strict: false }).compile(schema);
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('rejects a bad whoowns.yaml with file, line and reason, and runs nothing', async () => {
    const bad = write(
      'bad.yaml',
      'attestations:\n  - area: org.trainin\n    owner: me\n    justification: j\n    date: 2026-01-01\n    expires: 2027-01-01\n    colour: blue\n',
    );
    for (const command of ['responsibilities', 'scan']) {
      const run = await runCli(command, EXAMPLE, '--config', bad);
      expect(run.code, command).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`${bad}:7: Unrecognized key: "colour"`);
    }
    const semantic = await runCli(
      'responsibilities',
      EXAMPLE,
      '--config',
      write(
        'bad2.yaml',
        'attestations:\n  - area: org.trainin\n    owner: me\n    justification: j\n    date: 2026-01-01\n    expires: 2027-01-01\n',
      ),
    );
    expect(semantic.stderr).toContain(':2: unknown area "org.trainin"');
  });

  it('lets scan honour the same whoowns.yaml', async () => {
    const run = await runCli('scan', EXAMPLE, '-f', 'json', '--config', CONFIG, '--fail-on', 'none');
    const report = JSON.parse(run.stdout) as { responsibilities: { attested: number } };
    expect(report.responsibilities.attested).toBe(1);
  });
});

describe('whoowns catalog and explain', () => {
  it('prints coverage with no gaps', async () => {
    const run = await runCli('catalog', 'coverage');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/, 0 gaps\n/);
    expect(run.stdout).toMatch(/s3 +\d+ customer parts: \d+ with checks, \d+ attestation only/);
    expect((await runCli('catalog', 'coverage', '--all')).stdout).toContain('ecs / ecs-fargate');
  });

  it('lists services and variant properties', async () => {
    expect((await runCli('catalog', 'services')).stdout).toMatch(/\n(6\d|[7-9]\d) services\n$/);
    expect(JSON.parse((await runCli('catalog', 'variant-properties')).stdout)).toHaveProperty(
      'AWS::ECS::Service',
    );
  });

  it('explains a service, a variant, an area and a check', async () => {
    const ecs = await runCli('explain', 'ecs');
    expect(ecs.stdout).toContain('Amazon Elastic Container Service (ecs)');
    expect(ecs.stdout).toContain('variant ecs-fargate');
    expect((await runCli('explain', 'eks-auto-mode')).stdout).toContain('Amazon Elastic Kubernetes Service');
    const area = await runCli('explain', 'data.key-mgmt');
    expect(area.stdout).toContain('checks that prove your part: dynamodb-table-customer-key');
    expect(area.stdout).toContain('NIST SP 800-53 rev. 5: SC-12, SC-13');
    const check = await runCli('explain', 's3-bucket-tls-only');
    expect(check.stdout).toContain('framework requirements it serves');
    const unknown = await runCli('explain', 'nosuchthing');
    expect(unknown.code).toBe(2);
  });

  it('has --help on every new command', async () => {
    for (const args of [['responsibilities'], ['catalog'], ['catalog', 'coverage'], ['explain']]) {
      const run = await runCli(...args, '--help');
      expect(run.code, args.join(' ')).toBe(0);
      expect(run.stdout).toContain('Usage: whoowns');
    }
  });
});
