import type { AwsAccount, MonitoredPattern } from '../../model/resources/index.js';
import { type Check, cannotTell, defineCheck, fail, pass, type Verdict } from '../check.js';
import { someOf } from './account-helpers.js';
import { compileFilterPattern, type EventMatcher } from './filter-pattern.js';
import {
  catchesOf,
  filterPatternOf,
  MONITORING,
  type MonitoringRecommendation,
  routineOf,
  type SampleEvent,
} from './monitoring-data.js';

interface Filter {
  pattern: MonitoredPattern;
  match: EventMatcher;
}

const named = (f: Filter) => `${f.pattern.filterName} (log group ${f.pattern.logGroupName})`;

/**
 * The verdict for one recommendation: every sample event must be caught by some metric filter
 * whose alarm notifies a confirmed subscriber, and a filter that also matches a routine call does
 * not count (its alarm would fire all day). Several filters may share the events between them.
 */
export function judgeMonitoring(
  account: AwsAccount,
  rec: MonitoringRecommendation,
  samples: readonly SampleEvent[],
  routine: SampleEvent,
): Verdict {
  const patterns = account.monitoredPatterns;
  // Unknown first: an organization trail delivering to another account leaves this account with no
  // log group of its own, which is not the same as having no trail.
  if (!patterns.known) return cannotTell(`${rec.watches}: ${patterns.reason}`, patterns.source);
  const groups = account.trailLogGroups;
  if (groups.known && groups.value.length === 0) {
    return fail(
      `no multi-region trail that logs all management events delivers to CloudWatch Logs, so nothing watches for ${rec.watches}`,
      groups.source,
    );
  }
  const filters: Filter[] = patterns.value.flatMap((pattern) => {
    const match = compileFilterPattern(pattern.pattern);
    return match ? [{ pattern, match }] : [];
  });
  const catchAll = filters.filter((f) => f.match(routine.event));
  const specific = filters.filter((f) => !f.match(routine.event));
  const alarmed = specific.filter((f) => f.pattern.alarmsWithSubscribers.length > 0);
  const missed = samples.filter((s) => !alarmed.some((f) => f.match(s.event)));
  if (missed.length === 0) {
    const used = alarmed.filter((f) => samples.some((s) => f.match(s.event)));
    const alarms = [...new Set(used.flatMap((f) => f.pattern.alarmsWithSubscribers))];
    return pass(
      `${rec.watches} are watched by metric filter ${someOf(used.map(named))} with alarm ${someOf(alarms)} notifying a confirmed subscriber`,
      patterns.source,
    );
  }
  const why: string[] = [];
  const silent = specific.filter(
    (f) => f.pattern.alarmsWithSubscribers.length === 0 && missed.some((s) => f.match(s.event)),
  );
  if (silent.length > 0) {
    const alarms = silent.flatMap((f) => f.pattern.alarmsWithoutSubscribers);
    why.push(
      `filter ${someOf(silent.map(named))} catches them but no alarm on its metric notifies a confirmed subscriber` +
        (alarms.length > 0 ? ` (alarm ${someOf(alarms)} reaches nobody)` : ' (no alarm)'),
    );
  }
  if (catchAll.length > 0) {
    why.push(
      `filter ${someOf(catchAll.map(named))} also matches ${routine.label}, so its alarm cannot single them out`,
    );
  }
  return fail(
    `no alarmed metric filter catches ${rec.watches}: missing ${someOf(missed.map((s) => s.label))}` +
      (why.length > 0 ? `; ${why.join('; ')}` : ''),
    patterns.source,
  );
}

function metricName(checkId: string): string {
  return checkId
    .replace(/^cloudwatch-alarm-/, '')
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

function remediationTemplate(rec: MonitoringRecommendation): string {
  const name = metricName(rec.checkId);
  return `${name}Filter:
  Type: AWS::Logs::MetricFilter
  Properties:
    LogGroupName: !Ref TrailLogGroup  # the log group of the multi-region trail
    FilterPattern: '${filterPatternOf(rec)}'
    MetricTransformations:
      - MetricNamespace: CISBenchmark
        MetricName: ${name}
        MetricValue: '1'
${name}Alarm:
  Type: AWS::CloudWatch::Alarm
  Properties:
    Namespace: CISBenchmark
    MetricName: ${name}
    Statistic: Sum
    Period: 300
    EvaluationPeriods: 1
    Threshold: 1
    ComparisonOperator: GreaterThanOrEqualToThreshold
    TreatMissingData: notBreaching
    AlarmActions: [!Ref SecurityAlertsTopic]  # a topic with a confirmed subscription`;
}

function monitoringCheck(rec: MonitoringRecommendation): Check<'AWS::Account'> {
  const samples = catchesOf(rec);
  const routine = routineOf();
  return defineCheck({
    id: rec.checkId,
    title: rec.title,
    severity: rec.severity,
    area: 'det.threat',
    rationale: `${rec.rationale}${rec.note ? ` ${rec.note}` : ''}`,
    remediation: {
      text:
        `Send the multi-region trail to CloudWatch Logs, add a metric filter for ${rec.watches} on its log group, ` +
        'and an alarm on the metric whose action is an SNS topic with a confirmed subscriber.',
      cloudformation: remediationTemplate(rec),
    },
    frameworks: {
      cis: [rec.cis],
      ...(rec.fsbp ? { fsbp: [rec.fsbp] } : {}),
      nist80053: ['AU-6', 'SI-4'],
      pci: ['10.4.1'],
      iso27001: ['A.8.16'],
      soc2: ['CC7.2'],
    },
    resourceTypes: ['AWS::Account'],
    reads: ['trailLogGroups', 'monitoredPatterns'],
    evaluate: (account) => judgeMonitoring(account, rec, samples, routine),
  });
}

/** CIS 4.1–4.15: one check per recommendation, built from cis-monitoring.json. */
export const monitoringChecks: Check<'AWS::Account'>[] = MONITORING.recommendations.map(monitoringCheck);
