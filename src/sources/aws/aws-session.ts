import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import pLimit, { type LimitFunction } from 'p-limit';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { isReadOnlyOperation, operationName, ReadOnlyViolation } from './read-only.js';

/** What every SDK v3 client accepts that we set; typed loosely so any client class fits. */
interface ClientConfig {
  region: string;
  credentials: AwsCredentialIdentityProvider;
  endpoint?: string;
  retryMode: 'adaptive';
  maxAttempts: number;
  requestHandler: { requestTimeout: number; connectionTimeout: number };
  forcePathStyle?: boolean;
  disableHostPrefix?: boolean;
  endpointProvider?: () => { url: URL };
}

interface MiddlewareStackLike {
  add(
    middleware: (
      next: (args: unknown) => Promise<unknown>,
      context: { commandName?: string; clientName?: string },
    ) => (args: unknown) => Promise<unknown>,
    options: { step: 'initialize'; name: string; priority: 'high' },
  ): void;
}

export interface SdkClient {
  middlewareStack: unknown;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- every SDK command type is accepted here
  send(command: any): Promise<any>;
  destroy(): void;
}

export type SdkClientClass<C extends SdkClient> = new (config: ClientConfig) => C;

export interface AwsSessionOptions {
  profile?: string;
  /** A custom endpoint (LocalStack, moto, a VPC endpoint); AWS_ENDPOINT_URL also works. */
  endpointUrl?: string;
  maxAttempts?: number;
  /** Per-request timeout. */
  timeoutMs?: number;
  /** Requests in flight at once to one service, over all regions (AWS throttles per service). */
  perServiceConcurrency?: number;
  /** Test hook: credentials without the provider chain. */
  credentials?: AwsCredentialIdentityProvider;
}

/** Counts what a scan sent, for `bench:live` and for the permissions test. */
export interface RequestStats {
  requests: number;
  /** `service:Operation` pairs actually sent, e.g. `s3:GetBucketPolicy`. */
  operations: Set<string>;
  byOperation: Map<string, number>;
}

/**
 * IAM's service prefix for a client, which is how `whoowns permissions` names actions. Keyed by the
 * client name lower-cased without spaces: the SDK's names (CloudWatchLogsClient,
 * ElasticLoadBalancingV2Client) never matched the spaced forms this table once used.
 */
const SERVICE_PREFIX: Record<string, string> = {
  elasticloadbalancingv2: 'elasticloadbalancing',
  cloudwatchlogs: 'logs',
  configservice: 'config',
  s3control: 's3',
  securityhub: 'securityhub',
  secretsmanager: 'secretsmanager',
  accessanalyzer: 'access-analyzer',
};

function servicePrefix(clientName: string | undefined): string {
  const key = (clientName ?? '')
    .replace(/Client$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  return SERVICE_PREFIX[key] ?? key;
}

/**
 * One set of credentials and settings, and a cache of SDK clients per service and region, each
 * guarded so that only read-only operations leave the machine.
 */
export class AwsSession {
  readonly stats: RequestStats = { requests: 0, operations: new Set(), byOperation: new Map() };
  private readonly clients = new Map<string, SdkClient>();
  private readonly serviceLimits = new Map<string, LimitFunction>();
  private readonly credentials: AwsCredentialIdentityProvider;
  readonly endpointUrl: string | undefined;

  constructor(private readonly options: AwsSessionOptions = {}) {
    // The pinned SDK supports Node 20; its notice about future releases is not the user's problem.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    this.credentials =
      options.credentials ?? fromNodeProviderChain(options.profile ? { profile: options.profile } : {});
    this.endpointUrl = options.endpointUrl ?? process.env.AWS_ENDPOINT_URL ?? undefined;
  }

  client<C extends SdkClient>(ClientClass: SdkClientClass<C>, region: string): C {
    const key = `${ClientClass.name}@${region}`;
    const cached = this.clients.get(key);
    if (cached) return cached as C;
    const client = new ClientClass({
      region,
      credentials: this.credentials,
      retryMode: 'adaptive',
      maxAttempts: this.options.maxAttempts ?? 6,
      requestHandler: { requestTimeout: this.options.timeoutMs ?? 20_000, connectionTimeout: 5_000 },
      ...(this.endpointUrl
        ? {
            endpoint: this.endpointUrl,
            forcePathStyle: true,
            disableHostPrefix: true,
            // S3 Control's endpoint rules put the account id in front of the host even for a
            // custom endpoint (123456789012.localhost), which does not resolve: send it as given.
            ...(ClientClass.name === 'S3ControlClient'
              ? { endpointProvider: () => ({ url: new URL(this.endpointUrl as string) }) }
              : {}),
          }
        : {}),
    });
    (client.middlewareStack as MiddlewareStackLike).add(
      (next, context) => async (args) => {
        const operation = operationName(context.commandName);
        if (!isReadOnlyOperation(operation)) throw new ReadOnlyViolation(operation);
        const action = `${servicePrefix(context.clientName)}:${operation}`;
        this.stats.requests += 1;
        this.stats.operations.add(action);
        this.stats.byOperation.set(action, (this.stats.byOperation.get(action) ?? 0) + 1);
        return this.limitFor(action.split(':')[0] ?? '')(() => next(args));
      },
      { step: 'initialize', name: 'whoownsReadOnlyGuard', priority: 'high' },
    );
    this.clients.set(key, client);
    return client;
  }

  private limitFor(service: string): LimitFunction {
    let limit = this.serviceLimits.get(service);
    if (!limit) {
      limit = pLimit(this.options.perServiceConcurrency ?? 10);
      this.serviceLimits.set(service, limit);
    }
    return limit;
  }

  close(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
  }
}
