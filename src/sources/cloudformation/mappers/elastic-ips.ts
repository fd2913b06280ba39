/**
 * Elastic IPs a template associates with its instances and network interfaces (AWS::EC2::EIP with
 * InstanceId, AWS::EC2::EIPAssociation with InstanceId or NetworkInterfaceId, interfaces attached by
 * AWS::EC2::NetworkInterfaceAttachment): an Elastic IP makes an instance reachable from the
 * internet whatever its subnet assigns at launch.
 */
import { Unresolved } from '../intrinsics.js';
import { ResourceReader } from '../resource-reader.js';
import { createdWhen, type TemplateContext } from '../template-context.js';

export interface ElasticIpLink {
  /** Logical id of the AWS::EC2::EIP or AWS::EC2::EIPAssociation. */
  id: string;
  /** The association exists only when this condition holds, which the template does not decide. */
  undecidedCondition?: string;
}

const indexes = new WeakMap<TemplateContext, Map<string, ElasticIpLink>>();

/** The Elastic IP associated with an instance or network interface of the template, if any. */
export function elasticIpOf(ctx: TemplateContext, logicalId: string): ElasticIpLink | undefined {
  let index = indexes.get(ctx);
  if (!index) {
    index = indexElasticIps(ctx);
    indexes.set(ctx, index);
  }
  return index.get(logicalId);
}

/** One pass over the template, so that instances do not each scan every resource. */
function indexElasticIps(ctx: TemplateContext): Map<string, ElasticIpLink> {
  const index = new Map<string, ElasticIpLink>();
  const attachments: Array<{ instance: string; eni: string }> = [];
  for (const [id, declaration] of Object.entries(ctx.body.Resources)) {
    const type = declaration?.Type;
    if (type === 'AWS::EC2::NetworkInterfaceAttachment') {
      const reader = new ResourceReader(ctx, id, type);
      const instance = reader.referencedLogicalId(['InstanceId']);
      const eni = reader.referencedLogicalId(['NetworkInterfaceId']);
      if (instance && eni) attachments.push({ instance, eni });
      continue;
    }
    if (type !== 'AWS::EC2::EIP' && type !== 'AWS::EC2::EIPAssociation') continue;
    const created = createdWhen(ctx, declaration);
    if (created === false) continue;
    const undecidedCondition = created instanceof Unresolved ? String(declaration.Condition) : undefined;
    const reader = new ResourceReader(ctx, id, type);
    const targets = [reader.referencedLogicalId(['InstanceId'])];
    if (type === 'AWS::EC2::EIPAssociation') targets.push(reader.referencedLogicalId(['NetworkInterfaceId']));
    for (const target of targets) {
      if (!target) continue;
      const known = index.get(target);
      // A certain association outranks one that depends on a condition.
      if (!known || (known.undecidedCondition && !undecidedCondition))
        index.set(target, undecidedCondition ? { id, undecidedCondition } : { id });
    }
  }
  // An interface attached after launch brings its Elastic IP to the instance.
  for (const { instance, eni } of attachments) {
    const link = index.get(eni);
    const known = index.get(instance);
    if (link && (!known || (known.undecidedCondition && !link.undecidedCondition))) index.set(instance, link);
  }
  return index;
}
