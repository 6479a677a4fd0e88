import { db } from "@/lib/db/client";

// The campaign dashboard's headline figures, all time. Two scans: the campaign's customers (loaded,
// reachable, called, contacted) and its call attempts (results, promises, duration, blocks).
// Contacts are counted once each (their last call result); attempts are counted per attempt.

export type CampaignKpis = {
  contacts: number;
  /** Contacts whose number has no active DNC entry (global or this campaign's). */
  reachable: number;
  /** Contacts with at least one call result (customers.lastCallAt). */
  calledContacts: number;
  /** Contacts whose last call result is Contacted. */
  contactedContacts: number;
  /** Contacts with at least one promise to pay (a Contacted result whose extracted data has a promise_to_pay_date). */
  promiseContacts: number;
  contacted: number;
  noContact: number;
  failed: number;
  /** Contacted / (Contacted + No Contact), null before any of either. */
  connectRate: number | null;
  promises: number;
  /** Mean duration in seconds of the attempts that reported one, null when none did. */
  averageDurationSeconds: number | null;
  blockedDnc: number;
  blockedCap: number;
};

type CustomerRow = { contacts: bigint; dnc: bigint; called: bigint; contacted: bigint };
type CallRow = { contacted: bigint; no_contact: bigint; failed: bigint; promises: bigint; promise_contacts: bigint; avg_duration: number | null; blocked_dnc: bigint; blocked_cap: bigint };

export async function campaignKpis(campaign: { id: string; organizationId: string }): Promise<CampaignKpis> {
  const [[customers], [calls]] = await Promise.all([
    db.$queryRaw<CustomerRow[]>`
      SELECT count(*) AS contacts,
             count(*) FILTER (WHERE c."lastCallAt" IS NOT NULL) AS called,
             count(*) FILTER (WHERE c."lastCallStatus" = 'Contacted') AS contacted,
             (SELECT count(*) FROM customers b WHERE b."campaignId" = ${campaign.id} AND EXISTS (
                SELECT 1 FROM dnc_entries d WHERE d."organizationId" = ${campaign.organizationId} AND d.status = 'active'
                  AND d.scope IN ('', ${campaign.id}) AND d."phoneE164" = b."phoneE164")) AS dnc
      FROM customers c WHERE c."campaignId" = ${campaign.id}`,
    db.$queryRaw<CallRow[]>`
      SELECT count(*) FILTER (WHERE outcome = 'Contacted') AS contacted,
             count(*) FILTER (WHERE outcome = 'No Contact') AS no_contact,
             count(*) FILTER (WHERE outcome = 'Failed') AS failed,
             count(*) FILTER (WHERE outcome = 'Contacted' AND "extractedData" ? 'promise_to_pay_date') AS promises,
             count(DISTINCT "customerId") FILTER (WHERE outcome = 'Contacted' AND "extractedData" ? 'promise_to_pay_date') AS promise_contacts,
             avg(duration) FILTER (WHERE duration IS NOT NULL)::float8 AS avg_duration,
             count(*) FILTER (WHERE state = 'blocked' AND "blockedReason" = 'dnc') AS blocked_dnc,
             count(*) FILTER (WHERE state = 'blocked' AND "blockedReason" = 'frequency_cap') AS blocked_cap
      FROM calls WHERE "campaignId" = ${campaign.id}`,
  ]);
  const contacted = Number(calls.contacted);
  const noContact = Number(calls.no_contact);
  return {
    contacts: Number(customers.contacts),
    reachable: Number(customers.contacts) - Number(customers.dnc),
    calledContacts: Number(customers.called),
    contactedContacts: Number(customers.contacted),
    promiseContacts: Number(calls.promise_contacts),
    contacted,
    noContact,
    failed: Number(calls.failed),
    connectRate: contacted + noContact === 0 ? null : contacted / (contacted + noContact),
    promises: Number(calls.promises),
    averageDurationSeconds: calls.avg_duration === null ? null : Math.round(calls.avg_duration),
    blockedDnc: Number(calls.blocked_dnc),
    blockedCap: Number(calls.blocked_cap),
  };
}
