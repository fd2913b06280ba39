import { GetDetectorCommand, GuardDutyClient, paginateListDetectors } from '@aws-sdk/client-guardduty';
import { explicit, type SourceRef, unknown } from '../../../model/value.js';
import type { Collector } from '../collector.js';
import { attempt, collectPages } from './support.js';

const LIST = 'guardduty:ListDetectors';
const GET = 'guardduty:GetDetector';

/** GuardDuty per region: on when a detector exists there and is ENABLED (a suspended one watches nothing). */
export const guardDutyCollector: Collector = {
  id: 'guardduty',
  scope: 'regional',
  produces: ['AWS::Account'],
  operations: {
    [LIST]: { fields: ['guardDutyEnabled'] },
    [GET]: { fields: ['guardDutyEnabled'] },
  },
  async collect(ctx) {
    if (!ctx.wants('AWS::Account', 'guardDutyEnabled')) return;
    const settings = ctx.builder.region(ctx.region);
    const client = ctx.session.client(GuardDutyClient, ctx.region);
    const where = `GuardDuty in ${ctx.region}`;
    const listed = await attempt(ctx, LIST, where, () =>
      collectPages(paginateListDetectors({ client }, {}), (page) => page.DetectorIds),
    );
    if (!listed.ok) {
      settings.guardDutyEnabled = unknown(listed.reason, { api: LIST });
      return;
    }
    if (listed.value.length === 0) {
      settings.guardDutyEnabled = explicit(false, { api: LIST });
      return;
    }
    // A region has at most one detector; read each anyway rather than trust that.
    const src: SourceRef = { api: `${LIST} + ${GET}` };
    let reason: string | undefined;
    for (const DetectorId of listed.value) {
      const detector = await attempt(ctx, GET, DetectorId, () =>
        client.send(new GetDetectorCommand({ DetectorId })),
      );
      if (detector.ok && detector.value.Status === 'ENABLED') {
        settings.guardDutyEnabled = explicit(true, src);
        return;
      }
      if (!detector.ok) reason = detector.reason;
    }
    settings.guardDutyEnabled = reason ? unknown(reason, src) : explicit(false, src);
  },
};
