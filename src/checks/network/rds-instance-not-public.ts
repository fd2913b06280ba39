import { byDefault, defineCheck, fail, pass } from '../check.js';
import { at, judgeFor } from '../data/wording.js';

export const rdsInstanceNotPublic = defineCheck({
  id: 'rds-instance-not-public',
  title: 'RDS DB instances are not publicly accessible',
  severity: 'critical',
  area: 'net.segmentation',
  rationale:
    'A publicly accessible DB instance gets a DNS name that resolves to a public IP address; one permissive ' +
    'security group rule away, the database login is open to the internet. AWS keeps the engine patched, but ' +
    "where the endpoint is reachable from is the customer's choice. When the template leaves PubliclyAccessible " +
    'unset, AWS decides from the subnet group (public when the subnets route to an internet gateway).',
  remediation: {
    text: 'Set PubliclyAccessible to false and place the instance in a DB subnet group of private subnets.',
    cloudformation: `Database:
  Type: AWS::RDS::DBInstance
  Properties:
    Engine: postgres
    DBInstanceClass: db.t4g.medium
    AllocatedStorage: '20'
    MasterUsername: app
    ManageMasterUserPassword: true
    DBSubnetGroupName: !Ref PrivateDbSubnetGroup
    PubliclyAccessible: false`,
  },
  frameworks: {
    cis: ['2.2.3'],
    fsbp: ['RDS.2'],
    nist80053: ['AC-3', 'AC-4', 'SC-7'],
    pci: ['1.4.4'],
    iso27001: ['A.8.20', 'A.8.22'],
    soc2: ['CC6.6'],
  },
  resourceTypes: ['AWS::RDS::DBInstance'],
  reads: ['publiclyAccessible'],
  evaluate: (db) =>
    judgeFor(`DB instance ${db.name}: PubliclyAccessible`, db.publiclyAccessible, (isPublic, origin) =>
      isPublic
        ? fail(
            `DB instance ${db.name} is publicly accessible${byDefault(origin)}${at(db.publiclyAccessible.source)}: ` +
              'its endpoint resolves to a public IP address',
          )
        : pass(`DB instance ${db.name} is not publicly accessible${byDefault(origin)}`),
    ),
});
