import {
  ConfigServiceClient,
  DescribeConfigurationRecorderStatusCommand,
  DescribeConfigurationRecordersCommand,
} from '@aws-sdk/client-config-service';
import { explicit, type SourceRef, unknown } from '../../../model/value.js';
import type { Collector } from '../collector.js';
import { attempt } from './support.js';

const RECORDERS = 'config:DescribeConfigurationRecorders';
const STATUS = 'config:DescribeConfigurationRecorderStatus';

/** AWS Config's recorder in each region: whether it records, and what (CIS 3.3, FSBP Config.1). */
export const configCollector: Collector = {
  id: 'config',
  scope: 'regional',
  produces: ['AWS::Account'],
  operations: {
    [RECORDERS]: { fields: ['configRecorder'] },
    [STATUS]: { fields: ['configRecorder'] },
  },
  async collect(ctx) {
    if (!ctx.wants('AWS::Account', 'configRecorder')) return;
    const settings = ctx.builder.region(ctx.region);
    const config = ctx.session.client(ConfigServiceClient, ctx.region);
    const where = `AWS Config in ${ctx.region}`;
    const listed = await attempt(ctx, RECORDERS, where, () =>
      config.send(new DescribeConfigurationRecordersCommand({})),
    );
    if (!listed.ok) {
      settings.configRecorder = unknown(listed.reason, { api: RECORDERS });
      return;
    }
    // Service-linked recorders (named AWSConfigurationRecorderFor…) record only what their service
    // needs; the account's own recorder is the one without a service principal.
    const recorders = listed.value.ConfigurationRecorders ?? [];
    const recorder = recorders.find((r) => !r.servicePrincipal) ?? recorders[0];
    if (!recorder?.name) {
      settings.configRecorder = explicit(null, { api: RECORDERS });
      return;
    }
    const src: SourceRef = {
      api: `${RECORDERS} + ${STATUS}`,
      ...(recorder.arn ? { arn: recorder.arn } : {}),
    };
    const status = await attempt(ctx, STATUS, where, () =>
      config.send(
        new DescribeConfigurationRecorderStatusCommand({
          ConfigurationRecorderNames: [recorder.name as string],
        }),
      ),
    );
    if (!status.ok) {
      settings.configRecorder = unknown(status.reason, src);
      return;
    }
    const group = recorder.recordingGroup;
    settings.configRecorder = explicit(
      {
        recording: status.value.ConfigurationRecordersStatus?.[0]?.recording === true,
        allSupported: group?.allSupported === true,
        includeGlobalResources: group?.includeGlobalResourceTypes === true,
      },
      src,
    );
  },
};
