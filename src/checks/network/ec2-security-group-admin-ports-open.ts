import { defineCheck } from '../check.js';
import { judgeIngress, type WatchedPort } from './ingress.js';

const ADMIN_PORTS: readonly WatchedPort[] = [
  { port: 22, service: 'SSH' },
  { port: 3389, service: 'RDP' },
];

export const ec2SecurityGroupAdminPortsOpen = defineCheck({
  id: 'ec2-security-group-admin-ports-open',
  title: 'Security groups do not allow SSH or RDP from the whole internet',
  severity: 'high',
  area: 'net.ingress',
  rationale:
    'SSH (22) and RDP (3389) open to 0.0.0.0/0 or ::/0 are scanned and brute-forced within minutes of launch, and ' +
    'a single weak or leaked credential then gives an attacker a shell. AWS filters nothing for you here: the ' +
    'security group rules are entirely the customer\'s. Rules for "all traffic" (protocol -1) and port ranges that ' +
    'include 22 or 3389 count too.',
  remediation: {
    text:
      'Remove world-open rules for 22 and 3389. Reach instances through AWS Systems Manager Session Manager or EC2 ' +
      'Instance Connect Endpoint, or allow only your VPN or bastion range.',
    cloudformation: `AdminSecurityGroup:
  Type: AWS::EC2::SecurityGroup
  Properties:
    GroupDescription: SSH from the corporate VPN only
    VpcId: !Ref Vpc
    SecurityGroupIngress:
      - IpProtocol: tcp
        FromPort: 22
        ToPort: 22
        CidrIp: 10.20.0.0/16`,
  },
  frameworks: {
    cis: ['5.3', '5.4'],
    fsbp: ['EC2.53', 'EC2.54'],
    nist80053: ['AC-4', 'SC-7', 'CM-7'],
    pci: ['1.3.1'],
    iso27001: ['A.8.20'],
    soc2: ['CC6.6'],
  },
  resourceTypes: ['AWS::EC2::SecurityGroup'],
  reads: ['rules'],
  evaluate: (group) => judgeIngress(group, ADMIN_PORTS, 'remote administration ports 22 and 3389'),
});
