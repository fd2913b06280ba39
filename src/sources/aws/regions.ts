import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import type { AwsSession } from './aws-session.js';

export interface RegionPlan {
  regions: string[];
  /** Regions asked for (or listed by AWS) that are skipped, with why. */
  skipped: Array<{ region: string; reason: string }>;
}

/**
 * `all` means every region enabled for the account: opt-in regions that are not enabled are
 * skipped with a note instead of failing every call there.
 */
export async function planRegions(
  session: AwsSession,
  homeRegion: string,
  wanted: readonly string[] | 'all',
): Promise<RegionPlan> {
  const ec2 = session.client(EC2Client, homeRegion);
  const answer = await ec2.send(new DescribeRegionsCommand({ AllRegions: true }));
  const known = new Map<string, string>();
  for (const r of answer.Regions ?? [])
    if (r.RegionName) known.set(r.RegionName, r.OptInStatus ?? 'opt-in-not-required');
  const enabled = (status: string) => status === 'opt-in-not-required' || status === 'opted-in';
  const skipped: RegionPlan['skipped'] = [];
  const regions: string[] = [];
  const candidates = wanted === 'all' ? [...known.keys()].sort() : wanted;
  for (const region of candidates) {
    const status = known.get(region);
    if (status === undefined && wanted !== 'all')
      skipped.push({ region, reason: 'not a region this account knows' });
    else if (status !== undefined && !enabled(status))
      skipped.push({ region, reason: `opt-in region not enabled (${status})` });
    else regions.push(region);
  }
  return { regions, skipped };
}
