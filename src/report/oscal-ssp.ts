/**
 * An OSCAL 1.1.3 System Security Plan built from the responsibility map: AWS as a leveraged
 * authorization, one `service` component per AWS service in use, and per NIST control an
 * implemented requirement whose by-components say what is inherited from AWS (`inherited`) and
 * what the system satisfies itself (`satisfied` and the this-system narrative). It is a complete
 * minimal SSP so that it validates; the parts only the user knows are marked for completion.
 */
import { createHash } from 'node:crypto';
import type { Catalog } from '../catalog/load-catalog.js';
import type { ControlRollup, ImplementationStatus } from '../responsibility/controls.js';
import type { ResponsibilityMap } from '../responsibility/types.js';

export const OSCAL_VERSION = '1.1.3';
const FEDRAMP_NS = 'https://fedramp.gov/ns/oscal';
const WHOOWNS_NS = 'urn:whoowns:oscal';
const NIST_MODERATE_PROFILE =
  'https://raw.githubusercontent.com/usnistgov/oscal-content/main/nist.gov/SP800-53/rev5/json/NIST_SP-800-53_rev5_MODERATE-baseline_profile.json';

export interface SspOptions {
  systemName: string;
  systemId: string;
  description?: string;
  /** The date on the FedRAMP Marketplace listing of the AWS authorization; OSCAL requires one. */
  leveragedAuthorizationDate: string;
  profileHref?: string;
  toolVersion: string;
  now: Date;
}

interface OscalProp {
  name: string;
  ns?: string;
  value: string;
}

/** One component's share of a control: what it inherits from AWS and what it satisfies itself. */
export interface ByComponent {
  'component-uuid': string;
  uuid: string;
  description: string;
  props?: OscalProp[];
  inherited?: Array<{ uuid: string; description: string }>;
  satisfied?: Array<{ uuid: string; description: string }>;
  'implementation-status'?: { state: string };
}

/** RFC 4122 version-5 UUIDs: the same input gives the same id, so exports diff cleanly. */
export function uuidV5(name: string, namespace = '6ba7b811-9dad-11d1-80b4-00c04fd430c8'): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1')
    .update(Buffer.concat([ns, Buffer.from(name, 'utf8')]))
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** NIST ids in OSCAL catalogs: `SC-7(5)` is `sc-7.5`. */
export function oscalControlId(id: string): string {
  return id.toLowerCase().replace(/\((\d+)\)/g, '.$1');
}

const STATE: Record<ImplementationStatus, string> = {
  Implemented: 'implemented',
  'Partially Implemented': 'partial',
  Planned: 'planned',
  'Not Applicable': 'not-applicable',
};

/** OSCAL strings may not start or end with white space and may not be empty. */
function prose(text: string, fallback: string): string {
  const t = text.trim();
  return t.length > 0 ? t : fallback;
}

export function buildOscalSsp(
  map: ResponsibilityMap,
  controls: readonly ControlRollup[],
  catalog: Catalog,
  options: SspOptions,
) {
  const id = (what: string) => uuidV5(`whoowns:${options.systemId}:${what}`);
  const awsParty = id('party:aws');
  const leveraged = id('leveraged:aws');
  const thisSystem = id('component:this-system');
  const services = [...new Map(map.resources.map((r) => [r.service, r.serviceName])).entries()].sort();
  const component = (service: string) => id(`component:${service}`);
  const implemented = controls.map((row) => {
    const byComponents: ByComponent[] = [];
    const served = new Set(row.parts.map((p) => p.service).filter((s) => s !== 'account'));
    for (const service of [...served].sort()) {
      const parts = row.parts.filter((p) => p.service === service);
      const inherited = [
        ...new Set(
          parts.filter((p) => p.owner !== 'customer' && p.providerPart).map((p) => p.providerPart as string),
        ),
      ];
      const satisfied = [
        ...new Set(
          parts.filter((p) => p.customerPart).map((p) => `${p.customerPart} (${p.area}: ${p.status})`),
        ),
      ];
      if (inherited.length === 0 && satisfied.length === 0) continue;
      const name = parts[0]?.serviceName ?? service;
      byComponents.push({
        'component-uuid': component(service),
        uuid: id(`bc:${row.controlId}:${service}`),
        description: prose(`What ${name} contributes to ${row.controlId}.`, name),
        ...(inherited.length > 0
          ? {
              inherited: inherited.map((d, i) => ({
                uuid: id(`inh:${row.controlId}:${service}:${i}`),
                description: d,
              })),
            }
          : {}),
        ...(satisfied.length > 0
          ? {
              satisfied: satisfied.map((d, i) => ({
                uuid: id(`sat:${row.controlId}:${service}:${i}`),
                description: d,
              })),
            }
          : {}),
      });
    }
    byComponents.push({
      'component-uuid': thisSystem,
      uuid: id(`bc:${row.controlId}:this-system`),
      description: prose(
        row.customerResponsibility,
        `Inherited from ${catalog.provider.name}; no customer part for this control.`,
      ),
      props: [
        ...row.origination.map((o) => ({ name: 'control-origination', ns: FEDRAMP_NS, value: o })),
        ...(['verified', 'failing', 'unverified', 'attested'] as const).map((s) => ({
          name: `${s}-parts`,
          ns: WHOOWNS_NS,
          value: String(row.counts[s]),
        })),
      ],
      'implementation-status': { state: STATE[row.implementationStatus] },
    });
    return {
      uuid: id(`req:${row.controlId}`),
      'control-id': oscalControlId(row.controlId),
      'by-components': byComponents,
    };
  });
  const lastModified = options.now.toISOString();
  return {
    'system-security-plan': {
      uuid: id('ssp'),
      metadata: {
        title: `System Security Plan: ${prose(options.systemName, 'unnamed system')}`,
        'last-modified': lastModified,
        version: `whoowns ${options.toolVersion}`,
        'oscal-version': OSCAL_VERSION,
        roles: [{ id: 'system-owner', title: 'System Owner' }],
        parties: [{ uuid: awsParty, type: 'organization', name: catalog.provider.name, 'short-name': 'AWS' }],
        remarks:
          'Generated by whoowns from the responsibility map; complete the parts only you know (information types, impact levels, users).',
      },
      'import-profile': { href: options.profileHref ?? NIST_MODERATE_PROFILE },
      'system-characteristics': {
        'system-ids': [{ 'identifier-type': 'https://ietf.org/rfc/rfc4122', id: id('system') }],
        'system-name': prose(options.systemName, 'unnamed system'),
        description: prose(
          options.description ?? '',
          `${options.systemName} runs on ${catalog.provider.name}.`,
        ),
        'system-information': {
          'information-types': [
            {
              uuid: id('info:unspecified'),
              title: 'To be completed',
              description: 'whoowns cannot know which information types the system processes.',
            },
          ],
        },
        status: { state: 'operational' },
        'authorization-boundary': {
          description: `The AWS resources assessed by whoowns: ${map.resources.length} resources in ${services.length} services.`,
        },
      },
      'system-implementation': {
        'leveraged-authorizations': [
          {
            uuid: leveraged,
            title: catalog.provider.leveragedAuthorization.title,
            'party-uuid': awsParty,
            'date-authorized': options.leveragedAuthorizationDate,
            links: [{ href: catalog.provider.leveragedAuthorization.url }],
            remarks: catalog.provider.leveragedAuthorization.note,
          },
        ],
        users: [{ uuid: id('user:owner'), title: 'System owner', 'role-ids': ['system-owner'] }],
        components: [
          {
            uuid: thisSystem,
            type: 'this-system',
            title: prose(options.systemName, 'this system'),
            description: 'The system as a whole, for the parts its owner implements.',
            status: { state: 'operational' },
          },
          ...services.map(([service, name]) => ({
            uuid: component(service),
            type: 'service',
            title: name,
            description: `${name}, used by the system and operated by ${catalog.provider.name} under its authorization.`,
            props: [
              { name: 'leveraged-authorization-uuid', value: leveraged },
              { name: 'implementation-point', value: 'external' },
            ],
            status: { state: 'operational' },
          })),
        ],
      },
      'control-implementation': {
        description:
          'Per NIST SP 800-53 rev. 5 control: what is inherited from AWS and what this system satisfies, with status from whoowns checks and attestations.',
        'implemented-requirements': implemented,
      },
    },
  };
}
