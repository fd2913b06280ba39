import type { RdsDbInstance } from '../../model/resources/index.js';
import { cannotTell, type Verdict } from '../check.js';

/**
 * Aurora instances take backup, deletion protection and storage from their cluster, and get high
 * availability from replicas in other zones; their own settings for these are ignored by AWS.
 * Until clusters are modeled, such an instance answers UNKNOWN with this explanation.
 */
export function auroraClusterVerdict(db: RdsDbInstance, setting: string): Verdict | undefined {
  const cluster = db.clusterId;
  if (!cluster.known || cluster.value === null) return undefined;
  return cannotTell(
    `DB instance ${db.name} belongs to Aurora cluster ${cluster.value}, which holds its ${setting}; ` +
      'whoowns does not assess DB clusters yet',
    cluster.source,
  );
}
