import { AccessAnalyzerClient, paginateListAnalyzers } from '@aws-sdk/client-accessanalyzer';
import { explicit, unknown } from '../../../model/value.js';
import type { Collector } from '../collector.js';
import { attempt, collectPages } from './support.js';

const LIST = 'access-analyzer:ListAnalyzers';

/** External-access analyzers: the unused-access and internal-access kinds do not answer CIS 1.20. */
const EXTERNAL_ACCESS = new Set(['ACCOUNT', 'ORGANIZATION']);

/** IAM Access Analyzer per region (CIS 1.20, FSBP IAM.28). */
export const accessAnalyzerCollector: Collector = {
  id: 'access-analyzer',
  scope: 'regional',
  produces: ['AWS::Account'],
  operations: { [LIST]: { fields: ['accessAnalyzerActive'] } },
  async collect(ctx) {
    if (!ctx.wants('AWS::Account', 'accessAnalyzerActive')) return;
    const settings = ctx.builder.region(ctx.region);
    const client = ctx.session.client(AccessAnalyzerClient, ctx.region);
    const listed = await attempt(ctx, LIST, `IAM Access Analyzer in ${ctx.region}`, () =>
      collectPages(paginateListAnalyzers({ client }, {}), (page) => page.analyzers),
    );
    if (!listed.ok) {
      settings.accessAnalyzerActive = unknown(listed.reason, { api: LIST });
      return;
    }
    const active = listed.value.find((a) => a.status === 'ACTIVE' && EXTERNAL_ACCESS.has(String(a.type)));
    settings.accessAnalyzerActive = explicit(!!active, {
      api: LIST,
      ...(active?.arn ? { arn: active.arn } : {}),
    });
  },
};
