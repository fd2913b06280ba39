import { defineCheck } from '../check.js';
import { judgeIngress, type WatchedPort } from './ingress.js';

/** Data stores and control planes that are routinely found open and unauthenticated on the internet. */
export const DATA_PORTS: readonly WatchedPort[] = [
  { port: 1433, service: 'SQL Server' },
  { port: 1434, service: 'SQL Server Browser' },
  { port: 1521, service: 'Oracle' },
  { port: 2375, service: 'Docker API' },
  { port: 2376, service: 'Docker API over TLS' },
  { port: 2379, service: 'etcd' },
  { port: 2483, service: 'Oracle' },
  { port: 2484, service: 'Oracle over TLS' },
  { port: 3306, service: 'MySQL/MariaDB' },
  { port: 4333, service: 'mSQL' },
  { port: 5432, service: 'PostgreSQL' },
  { port: 5984, service: 'CouchDB' },
  { port: 6379, service: 'Redis' },
  { port: 7000, service: 'Cassandra' },
  { port: 7001, service: 'Cassandra over TLS' },
  { port: 8086, service: 'InfluxDB' },
  { port: 9042, service: 'Cassandra CQL' },
  { port: 9092, service: 'Kafka' },
  { port: 9200, service: 'Elasticsearch/OpenSearch' },
  { port: 9300, service: 'Elasticsearch transport' },
  { port: 11211, service: 'Memcached' },
  { port: 27017, service: 'MongoDB' },
  { port: 27018, service: 'MongoDB' },
];

export const ec2SecurityGroupDatabasePortsOpen = defineCheck({
  id: 'ec2-security-group-database-ports-open',
  title: 'Security groups do not expose database and data-service ports to the internet',
  severity: 'high',
  area: 'net.ingress',
  rationale:
    'Databases, caches, search clusters and container APIs (MySQL, PostgreSQL, Redis, MongoDB, Elasticsearch, ' +
    'Memcached, Docker…) are among the most exploited services on the internet, often installed without ' +
    'authentication. Only the application tier should reach them. This check covers the data-service part of ' +
    "Security Hub's high-risk port list (EC2.19); SSH and RDP have their own check.",
  remediation: {
    text:
      'Allow the database port only from the security group of the application tier (SourceSecurityGroupId), ' +
      'never from 0.0.0.0/0 or ::/0; put data stores in private subnets.',
    cloudformation: `DatabaseSecurityGroup:
  Type: AWS::EC2::SecurityGroup
  Properties:
    GroupDescription: PostgreSQL from the application tier only
    VpcId: !Ref Vpc
    SecurityGroupIngress:
      - IpProtocol: tcp
        FromPort: 5432
        ToPort: 5432
        SourceSecurityGroupId: !Ref AppSecurityGroup`,
  },
  frameworks: {
    fsbp: ['EC2.19'],
    nist80053: ['AC-4', 'SC-7', 'CM-7'],
    pci: ['1.3.1'],
    iso27001: ['A.8.20'],
    soc2: ['CC6.6'],
  },
  resourceTypes: ['AWS::EC2::SecurityGroup'],
  reads: ['rules'],
  evaluate: (group) => judgeIngress(group, DATA_PORTS, 'database and data-service ports'),
});
