import { describe, expect, it } from 'vitest';
import type {
  Ec2Instance,
  RdsDbInstance,
  SecurityGroup,
  SecurityGroupRule,
  Vpc,
} from '../../model/resources/index.js';
import { awsDefault, explicit, unknown } from '../../model/value.js';
import { runCheck } from '../test-support.js';
import { ec2InstanceInPrivateSubnet } from './ec2-instance-in-private-subnet.js';
import { ec2InstanceNoPublicIp } from './ec2-instance-no-public-ip.js';
import { ec2SecurityGroupAdminPortsOpen } from './ec2-security-group-admin-ports-open.js';
import { ec2SecurityGroupDatabasePortsOpen } from './ec2-security-group-database-ports-open.js';
import { rdsInstanceNotPublic } from './rds-instance-not-public.js';

const src = { file: 't.yaml', line: 40 };

const run = runCheck;

function rule(
  over: Partial<SecurityGroupRule> & { ports?: [number, number]; cidr?: string },
): SecurityGroupRule {
  const [from, to] = over.ports ?? [22, 22];
  return {
    direction: 'ingress',
    protocol: explicit('tcp', src),
    fromPort: explicit(from, src),
    toPort: explicit(to, src),
    cidrIpv4: over.cidr === undefined ? undefined : explicit(over.cidr, src),
    cidrIpv6: undefined,
    sourceSecurityGroupId: undefined,
    prefixListId: undefined,
    source: src,
    ...over,
  };
}

function group(...rules: SecurityGroupRule[]): SecurityGroup {
  return {
    type: 'AWS::EC2::SecurityGroup',
    id: 'WebSG',
    name: 'WebSG',
    source: { file: 't.yaml', line: 30 },
    groupName: explicit('web', src),
    vpcId: explicit('vpc-1', src),
    rules,
    isDefault: false,
    inUse: explicit(true, src),
  };
}

const admin = (...rules: SecurityGroupRule[]) => run(ec2SecurityGroupAdminPortsOpen, group(...rules));
const data = (...rules: SecurityGroupRule[]) => run(ec2SecurityGroupDatabasePortsOpen, group(...rules));

describe('world-open ingress checks', () => {
  it('flags a port range that covers 22 and names the rule line', () => {
    const [v] = admin(rule({ ports: [20, 25], cidr: '0.0.0.0/0' }));
    expect(v?.status).toBe('FAIL');
    expect(v?.message).toBe('security group WebSG allows 0.0.0.0/0 to port 22 (SSH) (line 40)');
  });

  it('treats protocol -1 as every port, for admin and data ports alike', () => {
    const all = rule({
      protocol: explicit('-1', src),
      fromPort: awsDefault(-1, src),
      toPort: awsDefault(-1, src),
      cidr: '0.0.0.0/0',
    });
    expect(admin(all)[0]?.message).toContain('all protocols and ports');
    expect(data(all)[0]?.status).toBe('FAIL');
  });

  it('flags IPv6 ::/0 the same as IPv4', () => {
    const v6 = rule({ ports: [3389, 3389], cidrIpv6: explicit('::/0', src) });
    expect(admin(v6)[0]?.message).toContain('::/0 to port 3389 (RDP)');
  });

  it('answers UNKNOWN for an unknown source range only when no rule is known to be bad', () => {
    const doubtful = rule({ cidrIpv4: unknown('parameter AdminCidr has no default', src) });
    expect(admin(doubtful)[0]?.status).toBe('UNKNOWN');
    expect(admin(doubtful)[0]?.message).toContain('parameter AdminCidr has no default');
    expect(admin(doubtful, rule({ ports: [3389, 3389], cidr: '0.0.0.0/0' }))[0]?.status).toBe('FAIL');
  });

  it('answers UNKNOWN for world-open rules with unknown ports, and ignores unknown sources on other ports', () => {
    expect(admin(rule({ fromPort: unknown('parameter Port', src), cidr: '0.0.0.0/0' }))[0]?.status).toBe(
      'UNKNOWN',
    );
    const https = rule({ ports: [443, 443], cidrIpv4: unknown('parameter Cidr', src) });
    expect(admin(https)[0]?.status).toBe('PASS');
  });

  it('passes ICMP, egress, security-group sources and private ranges', () => {
    const icmp = rule({ protocol: explicit('icmp', src), ports: [-1, -1], cidr: '0.0.0.0/0' });
    const egress = rule({ direction: 'egress', protocol: explicit('-1', src), cidr: '0.0.0.0/0' });
    const fromSg = rule({ ports: [5432, 5432], sourceSecurityGroupId: explicit('{{AppSG}}', src) });
    const vpn = rule({ cidr: '10.0.0.0/8' });
    expect(admin(icmp, egress, fromSg, vpn)[0]?.status).toBe('PASS');
    expect(data(icmp, egress, fromSg, vpn)[0]?.status).toBe('PASS');
  });

  it('lists every data port a wide TCP range opens', () => {
    const [v] = data(rule({ ports: [3000, 6500], cidr: '0.0.0.0/0' }));
    expect(v?.message).toContain('3306 (MySQL/MariaDB)');
    expect(v?.message).toContain('5432 (PostgreSQL)');
    expect(v?.message).toContain('6379 (Redis)');
    expect(v?.message).not.toContain('9200');
  });
});

function db(publiclyAccessible: RdsDbInstance['publiclyAccessible']): RdsDbInstance {
  return {
    type: 'AWS::RDS::DBInstance',
    id: 'Db',
    name: 'Db',
    source: src,
    publiclyAccessible,
  } as RdsDbInstance;
}

describe('public endpoints', () => {
  it('answers UNKNOWN when the template leaves public access to the subnet group', () => {
    const [v] = run(
      rdsInstanceNotPublic,
      db(unknown('decided by whether the subnet group routes to an internet gateway', src)),
    );
    expect(v?.status).toBe('UNKNOWN');
    expect(v?.message).toContain('internet gateway');
  });

  it('says when a public default applied', () => {
    expect(run(rdsInstanceNotPublic, db(awsDefault(true, src)))[0]?.message).toContain('not set');
    expect(run(rdsInstanceNotPublic, db(explicit(false, src)))[0]?.status).toBe('PASS');
  });

  it('fails an instance with a public IPv4 address', () => {
    const instance = {
      type: 'AWS::EC2::Instance',
      id: 'Web',
      name: 'Web',
      source: src,
      publicIp: explicit(true, src),
    };
    expect(run(ec2InstanceNoPublicIp, instance as Ec2Instance)[0]?.status).toBe('FAIL');
  });
});

describe('ec2-instance-in-private-subnet', () => {
  const vpc = (publicSubnetIds: Vpc['publicSubnetIds']) =>
    ({ type: 'AWS::EC2::VPC', id: 'vpc-1', name: 'vpc-1', source: src, publicSubnetIds }) as Vpc;
  const instance = (name: string, subnetId: Ec2Instance['subnetId']) =>
    ({ type: 'AWS::EC2::Instance', id: name, name, source: src, subnetId }) as Ec2Instance;
  const statuses = (v: Vpc, ...others: Ec2Instance[]) =>
    run(ec2InstanceInPrivateSubnet, v, others).map((r) => r.status);

  it('fails a VPC with an instance in a public subnet, naming it', () => {
    const verdicts = run(ec2InstanceInPrivateSubnet, vpc(explicit(['subnet-pub'], src)), [
      instance('i-web', explicit('subnet-pub', src)),
      instance('i-app', explicit('subnet-priv', src)),
    ]);
    expect(verdicts.map((v) => v.status)).toEqual(['FAIL']);
    expect(verdicts[0]?.message).toContain('i-web (subnet-pub)');
    expect(verdicts[0]?.message).not.toContain('i-app');
  });

  it('passes when no instance sits in a public subnet', () => {
    expect(
      statuses(vpc(explicit(['subnet-pub'], src)), instance('i-app', explicit('subnet-priv', src))),
    ).toEqual(['PASS']);
    expect(statuses(vpc(explicit([], src)), instance('i-x', unknown('conditional', src)))).toEqual(['PASS']);
  });

  it('answers UNKNOWN when the public subnets or an instance subnet are unknown', () => {
    expect(statuses(vpc(unknown('known only from a live account', src)))).toEqual(['UNKNOWN']);
    expect(
      statuses(vpc(explicit(['subnet-pub'], src)), instance('i-x', unknown('conditional', src))),
    ).toEqual(['UNKNOWN']);
  });

  it('gives instances no verdict of their own', () => {
    expect(run(ec2InstanceInPrivateSubnet, instance('i-web', explicit('subnet-pub', src)))).toEqual([]);
  });
});
