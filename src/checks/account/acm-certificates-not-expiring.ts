import { cannotTell, defineCheck, fail, pass } from '../check.js';
import { count, daysSince, noTemplate, perRegion, someOf } from './account-helpers.js';

const WARN_DAYS = 30;

export const acmCertificatesNotExpiring = defineCheck({
  id: 'acm-certificates-not-expiring',
  title: 'No ACM certificate expires within 30 days',
  severity: 'medium',
  area: 'data.enc-in-transit',
  rationale:
    'ACM renews the certificates it issued only while they are in use and their DNS validation still works, ' +
    'and never renews imported ones. A certificate this close to expiry has missed renewal: when it lapses, ' +
    'clients refuse the connection or users learn to click through warnings.',
  remediation: {
    text: 'Fix the renewal of each listed certificate (restore its DNS validation record, or re-import a renewed certificate); delete certificates nothing uses.',
    cloudformation: noTemplate(
      'For ACM-issued certificates keep the DNS validation record (AWS::CertificateManager::Certificate with DomainValidationOptions) in place.',
    ),
  },
  frameworks: {
    fsbp: ['ACM.1'],
    nist80053: ['SC-12', 'SC-8'],
    pci: ['4.2.1'],
    iso27001: ['A.8.24'],
    soc2: ['CC6.7'],
  },
  resourceTypes: ['AWS::Account'],
  reads: ['certificates'],
  evaluate: (account, context) =>
    perRegion(account, 'certificates', (certificates, region) => {
      const expiring: string[] = [];
      const unclear: string[] = [];
      // Certificates without an expiry are not issued yet (pending validation or failed): nothing to renew.
      for (const c of certificates.filter((cert) => cert.notAfter !== null)) {
        const sinceExpiry = daysSince(c.notAfter as string, context.now);
        if (sinceExpiry === undefined) unclear.push(c.domain || c.arn);
        else if (-sinceExpiry <= WARN_DAYS) {
          const when =
            sinceExpiry >= 0 ? `expired ${sinceExpiry} days ago` : `expires in ${-sinceExpiry} days`;
          expiring.push(`${c.domain || c.arn} (${when}${c.inUse ? ', in use' : ', not in use'})`);
        }
      }
      if (expiring.length > 0)
        return fail(
          `${region}: ${count(expiring.length, 'certificate')} within ${WARN_DAYS} days of expiry: ${someOf(expiring)}`,
        );
      if (unclear.length > 0) return cannotTell(`${region}: unreadable expiry for ${someOf(unclear)}`);
      return pass(
        `${region}: no certificate expires within ${WARN_DAYS} days (${count(certificates.length, 'certificate')})`,
      );
    }),
});
