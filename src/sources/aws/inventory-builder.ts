import type { SourceProblem } from '../../model/inventory.js';
import type { OrganizationFacts } from '../../model/organization.js';
import type { AwsAccount, RegionalSettings, Resource } from '../../model/resources/index.js';
import { unknownAccountFacts, unknownRegion } from '../../model/unknown-account.js';
import { type SourceRef, unknown } from '../../model/value.js';
import { type CallFailure, classifyFailure, describeFailure } from './errors.js';

const NOT_COLLECTED = 'not collected (no selected check needs it)';

/** Regional settings before any collector has looked: every value unknown, with that reason. */
function blankRegion(region: string, accountArn: string): RegionalSettings {
  return unknownRegion(region, unknown(NOT_COLLECTED, { arn: accountArn }));
}

/**
 * Collects what collectors find. Collectors run concurrently but JavaScript is single-threaded,
 * so plain arrays and maps are safe here.
 */
export class InventoryBuilder {
  readonly resources: Resource[] = [];
  readonly problems: SourceProblem[] = [];
  readonly failures: CallFailure[] = [];
  readonly account: AwsAccount;
  /** Organization facts for IAM analysis, when a collector read them. */
  organization?: OrganizationFacts;
  private readonly regional = new Map<string, RegionalSettings>();

  constructor(
    readonly accountId: string,
    readonly partition: string,
    regions: readonly string[],
  ) {
    const arn = `arn:${partition}:iam::${accountId}:root`;
    const src: SourceRef = { arn };
    const u = unknown(NOT_COLLECTED, src);
    this.account = {
      type: 'AWS::Account',
      id: arn,
      name: `account ${accountId}`,
      arn,
      account: accountId,
      source: src,
      accountId,
      ...unknownAccountFacts(u),
      regions: [],
    };
    for (const region of regions) this.region(region);
  }

  region(region: string): RegionalSettings {
    let settings = this.regional.get(region);
    if (!settings) {
      settings = blankRegion(region, this.account.arn as string);
      this.regional.set(region, settings);
      this.account.regions.push(settings);
    }
    return settings;
  }

  add(resource: Resource): void {
    this.resources.push(resource);
  }

  /**
   * Records a call that gave no answer and returns the reason to put in the unknown Values it
   * leaves behind. The scan goes on; the report says it is partial.
   */
  fail(operation: string, error: unknown, where?: string): string {
    const failure = classifyFailure(operation, error);
    this.failures.push(failure);
    const reason = describeFailure(failure);
    this.problems.push({ where: where ?? operation, message: reason });
    return reason;
  }
}
