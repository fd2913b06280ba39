import { ACMClient, type KeyAlgorithm, paginateListCertificates } from '@aws-sdk/client-acm';
import { explicit, unknown } from '../../../model/value.js';
import type { Collector } from '../collector.js';
import { attempt, collectPages } from './support.js';

const LIST = 'acm:ListCertificates';

/**
 * Without a key-type filter ListCertificates returns only RSA_1024 and RSA_2048 certificates, so
 * an ECDSA or RSA_4096 certificate about to expire would be missed: ask for every key type.
 */
const ALL_KEY_TYPES: KeyAlgorithm[] = [
  'RSA_1024',
  'RSA_2048',
  'RSA_3072',
  'RSA_4096',
  'EC_prime256v1',
  'EC_secp384r1',
  'EC_secp521r1',
];

/**
 * ACM certificates per region with their expiry and use (FSBP ACM.1). The summaries carry NotAfter
 * and InUse, so no DescribeCertificate per certificate is needed.
 */
export const acmCollector: Collector = {
  id: 'acm',
  scope: 'regional',
  produces: ['AWS::Account'],
  operations: { [LIST]: { fields: ['certificates'] } },
  async collect(ctx) {
    if (!ctx.wants('AWS::Account', 'certificates')) return;
    const settings = ctx.builder.region(ctx.region);
    const client = ctx.session.client(ACMClient, ctx.region);
    const listed = await attempt(ctx, LIST, `ACM in ${ctx.region}`, () =>
      collectPages(
        paginateListCertificates({ client }, { Includes: { keyTypes: ALL_KEY_TYPES } }),
        (page) => page.CertificateSummaryList,
      ),
    );
    settings.certificates = listed.ok
      ? explicit(
          listed.value.flatMap((c) =>
            c.CertificateArn
              ? [
                  {
                    arn: c.CertificateArn,
                    domain: c.DomainName ?? '',
                    notAfter: c.NotAfter?.toISOString() ?? null,
                    inUse: c.InUse === true,
                  },
                ]
              : [],
          ),
          { api: LIST },
        )
      : unknown(listed.reason, { api: LIST });
  },
};
