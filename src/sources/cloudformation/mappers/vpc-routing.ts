/**
 * Which subnets of a template's VPC are public: a subnet is public when its route table has a
 * route to an internet gateway. A subnet without an explicit association uses the
 * VPC's main route table, which a new VPC creates with the local route only and which a template
 * cannot name, so such subnets are private unless a route goes to a table from outside the file.
 * (VPC user guide, "Subnet route tables" and "Main route table".)
 */
import { awsDefault, explicit, unknown, type Value } from '../../../model/value.js';
import { Unresolved } from '../intrinsics.js';
import { logicalIdOfToken, ResourceReader } from '../resource-reader.js';
import { createdWhen, type TemplateContext } from '../template-context.js';

interface Routing {
  /** Subnet logical ids per VPC logical id. */
  subnetsOf: Map<string, string[]>;
  /** Route tables per VPC logical id. */
  tablesOf: Map<string, string[]>;
  /** Route tables with a default route to an internet gateway. */
  toInternet: Set<string>;
  /** Route table per subnet, from SubnetRouteTableAssociation. */
  tableOfSubnet: Map<string, string>;
  /** What the template leaves open: a route or association the file cannot settle. */
  doubt?: string;
}

const indexes = new WeakMap<TemplateContext, Routing>();

/** The VPC's public subnets, as the `{{LogicalId}}` tokens its instances' SubnetId resolve to. */
export function publicSubnetsOf(ctx: TemplateContext, vpcId: string, where: ResourceReader): Value<string[]> {
  let routing = indexes.get(ctx);
  if (!routing) {
    routing = indexRouting(ctx);
    indexes.set(ctx, routing);
  }
  const src = where.source();
  if (routing.doubt) return unknown(routing.doubt, src);
  const subnets = routing.subnetsOf.get(vpcId) ?? [];
  const tables = routing.tablesOf.get(vpcId) ?? [];
  if (tables.length === 0) return awsDefault([], src); // only the main table, local route only
  const publicOnes = subnets.filter((subnet) => {
    const table = routing.tableOfSubnet.get(subnet);
    return table !== undefined && routing.toInternet.has(table);
  });
  return explicit(
    publicOnes.map((id) => `{{${id}}}`),
    src,
  );
}

function indexRouting(ctx: TemplateContext): Routing {
  const routing: Routing = {
    subnetsOf: new Map(),
    tablesOf: new Map(),
    toInternet: new Set(),
    tableOfSubnet: new Map(),
  };
  const resources = ctx.body.Resources;
  const typeOf = (id: string | undefined) => (id === undefined ? undefined : resources[id]?.Type);
  const add = (map: Map<string, string[]>, key: string, value: string) =>
    map.set(key, [...(map.get(key) ?? []), value]);
  const routes: ResourceReader[] = [];
  for (const [id, declaration] of Object.entries(resources)) {
    const type = declaration?.Type;
    if (
      type !== 'AWS::EC2::Subnet' &&
      type !== 'AWS::EC2::RouteTable' &&
      type !== 'AWS::EC2::Route' &&
      type !== 'AWS::EC2::SubnetRouteTableAssociation'
    )
      continue;
    const created = createdWhen(ctx, declaration);
    if (created === false) continue;
    if (created instanceof Unresolved && type !== 'AWS::EC2::Subnet') {
      routing.doubt = `${id} exists only when condition ${String(declaration.Condition)} holds`;
      continue;
    }
    const reader = new ResourceReader(ctx, id, type);
    if (type === 'AWS::EC2::Subnet' || type === 'AWS::EC2::RouteTable') {
      const vpc = reader.referencedLogicalId(['VpcId']);
      // A subnet or table of a VPC from outside the file concerns no VPC of this file.
      if (vpc) add(type === 'AWS::EC2::Subnet' ? routing.subnetsOf : routing.tablesOf, vpc, id);
    } else if (type === 'AWS::EC2::SubnetRouteTableAssociation') {
      const subnet = reader.referencedLogicalId(['SubnetId']);
      const table = reader.referencedLogicalId(['RouteTableId']);
      if (subnet && table) routing.tableOfSubnet.set(subnet, table);
      else if (subnet || table)
        routing.doubt = `route table association ${id} names a subnet or table outside this file`;
    } else {
      routes.push(reader);
    }
  }
  for (const route of routes) {
    // Any route to an internet gateway makes the subnets of its table public, not only 0.0.0.0/0
    // (0.0.0.0/1 plus 128.0.0.0/1 reach the same internet).
    const gateway = route.get(['GatewayId']);
    if (gateway === undefined) continue; // NAT gateway, instance, peering…: not an internet gateway
    const gatewayId = logicalIdOfToken(gateway);
    const toInternet =
      gatewayId !== undefined
        ? typeOf(gatewayId) === 'AWS::EC2::InternetGateway'
        : typeof gateway === 'string' && gateway.startsWith('igw-');
    const settled = gatewayId !== undefined || (typeof gateway === 'string' && !gateway.includes('{{'));
    if (!settled) {
      routing.doubt = `route ${route.logicalId} goes to a gateway known only at deploy time`;
      continue;
    }
    if (!toInternet) continue;
    const table = route.referencedLogicalId(['RouteTableId']);
    if (table && typeOf(table) === 'AWS::EC2::RouteTable') routing.toInternet.add(table);
    else
      routing.doubt = `route ${route.logicalId} sends traffic to the internet from a route table outside this file`;
  }
  return routing;
}
