import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import schema from '../docs/report.schema.json' with { type: 'json' };
import type { ScanReport } from '../src/report/scan-report.js';
import { runCli } from './cli-helpers.js';
import { createValidator } from './json-schema.js';

const EXAMPLE = 'examples/ecommerce/template.yaml';
const dir = mkdtempSync(join(tmpdir(), 'whoowns-cli-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('whoowns scan on the bundled example', () => {
  it('prints a summary grouped by area, without colour when not on a terminal, and exits 1', async () => {
    const run = await runCli('scan', EXAMPLE);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('IDENTITY AND ACCESS');
    expect(run.stdout).toContain('DATA PROTECTION');
    expect(run.stdout).toMatch(/FAIL critical iam-role-trust-not-public\s+DeployRole/);
    expect(run.stdout).toContain('NOT ASSESSED');
    // eslint-disable-next-line no-control-regex -- looking for colour codes
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });

  it('writes JSON that validates against the documented schema', async () => {
    const run = await runCli('scan', EXAMPLE, '--format', 'json');
    const report = JSON.parse(run.stdout) as ScanReport;
    const validate = createValidator().compile(schema);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.summary.failed).toBe(true);
    const fail = report.results.find((r) => r.checkId === 'rds-storage-encrypted' && r.status === 'FAIL');
    expect(fail?.resource).toMatchObject({ id: 'ReportingDatabase', type: 'AWS::RDS::DBInstance' });
    expect(fail?.resource.source.line).toBeGreaterThan(1);
  });

  it('honours --fail-on, --check, --severity and --area', async () => {
    expect((await runCli('scan', EXAMPLE, '--fail-on', 'none')).code).toBe(0);
    const onlyLogs = await runCli(
      'scan',
      EXAMPLE,
      '--check',
      'cloudtrail-log-file-validation',
      '--format',
      'json',
    );
    const report = JSON.parse(onlyLogs.stdout) as ScanReport;
    expect(new Set(report.results.map((r) => r.checkId))).toEqual(
      new Set(['cloudtrail-log-file-validation']),
    );
    expect(onlyLogs.code).toBe(0);
    const critical = JSON.parse(
      (await runCli('scan', EXAMPLE, '--severity', 'critical', '-f', 'json')).stdout,
    ) as ScanReport;
    expect(critical.results.every((r) => r.severity === 'critical')).toBe(true);
    const data = JSON.parse(
      (await runCli('scan', EXAMPLE, '--area', 'data', '-f', 'json')).stdout,
    ) as ScanReport;
    expect(data.results.length).toBeGreaterThan(0);
    expect(data.results.every((r) => r.area.startsWith('data.'))).toBe(true);
  });

  it('uses a --parameters file', async () => {
    const template = write(
      'param.yaml',
      'Parameters:\n  Public: { Type: String, Default: "false" }\nResources:\n  Db: { Type: AWS::RDS::DBInstance, Properties: { Engine: mysql, DBInstanceClass: db.t3.micro, PubliclyAccessible: !Ref Public } }\n',
    );
    const params = write('params.json', '[{"ParameterKey": "Public", "ParameterValue": "true"}]');
    const withDefault = await runCli('scan', template, '--check', 'rds-instance-not-public');
    const withParams = await runCli(
      'scan',
      template,
      '--check',
      'rds-instance-not-public',
      '--parameters',
      params,
    );
    expect(withDefault.code).toBe(0);
    expect(withParams.code).toBe(1);
  });

  it('scans a directory and skips files that are not templates', async () => {
    const sub = join(dir, 'tree');
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, 'a.yaml'), 'Resources:\n  B: { Type: AWS::S3::Bucket }\n');
    writeFileSync(join(sub, 'params.json'), '[{"ParameterKey":"a","ParameterValue":"b"}]');
    const run = await runCli('scan', sub, '--format', 'json');
    const report = JSON.parse(run.stdout) as ScanReport;
    expect(report.scan.sources).toHaveLength(2);
    expect(report.problems[0]?.message).toMatch(/skipped: not a CloudFormation template/);
  });

  it('lists the checks', async () => {
    const run = await runCli('checks');
    expect(run.code).toBe(0);
    const count = Number(/(\d+) checks/.exec(run.stdout)?.[1]);
    expect(count).toBeGreaterThanOrEqual(30);
  });

  it('has --help on every command', async () => {
    for (const args of [['--help'], ['scan', '--help'], ['checks', '--help']]) {
      const run = await runCli(...args);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Usage: whoowns');
    }
  });
});

describe('bad input: one line, exit 2, no stack trace', () => {
  const expectOneLine = async (args: string[], pattern: RegExp) => {
    const run = await runCli(...args);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(pattern);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  };
  it('a missing file', () =>
    expectOneLine(['scan', join(dir, 'missing.yaml')], /missing\.yaml: file not found/));
  it('invalid YAML', () =>
    expectOneLine(
      ['scan', write('broken.yaml', 'Resources: [\n')],
      /broken\.yaml: invalid YAML\/JSON at line/,
    ));
  it('invalid JSON', () =>
    expectOneLine(['scan', write('broken.json', '{"Resources": ')], /broken\.json: invalid YAML\/JSON/));
  it('a file that is not a template', () =>
    expectOneLine(
      ['scan', write('readme.yaml', 'title: hello\n')],
      /readme\.yaml: not a CloudFormation template/,
    ));
  it('a 50 MB file', () => {
    const big = write('big.json', `{"Resources": {}, "Pad": "${'x'.repeat(50 * 1024 * 1024)}"}`);
    return expectOneLine(['scan', big], /big\.json: file is 50\.0 MB/);
  });
  it('an unknown check id', () =>
    expectOneLine(['scan', EXAMPLE, '--check', 'nope'], /unknown check id: nope/));
  it('a bad severity', () =>
    expectOneLine(['scan', EXAMPLE, '--fail-on', 'urgent'], /--fail-on: "urgent" is not a severity/));
  it('a bad parameters file', () =>
    expectOneLine(
      ['scan', EXAMPLE, '--parameters', write('p.json', '{"a": ')],
      /p\.json: parameters file is not valid/,
    ));
});

describe('the whoowns executable', () => {
  it('stops quietly when the reader of its output goes away (whoowns scan -f json | head)', () => {
    const bin = new URL('../src/cli/bin.ts', import.meta.url).pathname;
    const example = new URL('../examples/ecommerce/template.yaml', import.meta.url).pathname;
    // A real pipe, closed after ten bytes, as `head -c 10` does; bash reports the scan's exit code.
    const pipeline =
      `"${process.execPath}" --import tsx "${bin}" scan "${example}" --format json --fail-on none` +
      ' | head -c 10 > /dev/null; echo "exit ${PIPESTATUS[0]}" >&2';
    const result = spawnSync('bash', ['-c', pipeline], { encoding: 'utf8' });
    expect(result.stderr).toBe('exit 0\n');
  }, 60_000);
});
