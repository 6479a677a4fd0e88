import { db } from "@/lib/db/client";

// The campaign dashboard's headline figures, all time: the campaign's customers (loaded, reachable,
// called, contacted) and its call attempts (results, promises, duration, blocks).
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
type CallRow = {
  contacted: bigint;
  no_contact: bigint;
  failed: bigint;
  duration_sum: bigint | null;
  duration_n: bigint;
  blocked_dnc: bigint;
  blocked_cap: bigint;
  promises: bigint;
};

// The customers' and the attempts' figures are sums of the rollups the triggers keep
// (migration dashboard_rollups; a few rows per campaign, whatever its size); promises to pay
// counted per contact come from a partial index, and the DNC count starts from the (few) active entries.
export async function campaignKpis(campaign: { id: string; organizationId: string }): Promise<CampaignKpis> {
  const [[customers], [dnc], [calls], [promise]] = await Promise.all([
    db.$queryRaw<Omit<CustomerRow, "dnc">[]>`
      SELECT coalesce(sum(contacts), 0) AS contacts, coalesce(sum(called), 0) AS called, coalesce(sum(contacted), 0) AS contacted
      FROM campaign_contact_stats WHERE "campaignId" = ${campaign.id}`,
    db.$queryRaw<{ dnc: bigint }[]>`
      SELECT count(*) AS dnc FROM customers b
      WHERE b."campaignId" = ${campaign.id} AND b."phoneE164" IN (
        SELECT d."phoneE164" FROM dnc_entries d
        WHERE d."organizationId" = ${campaign.organizationId} AND d.status = 'active' AND d.scope IN ('', ${campaign.id}))`,
    db.$queryRaw<CallRow[]>`
      SELECT coalesce(sum(calls) FILTER (WHERE outcome = 'Contacted'), 0) AS contacted,
             coalesce(sum(calls) FILTER (WHERE outcome = 'No Contact'), 0) AS no_contact,
             coalesce(sum(calls) FILTER (WHERE outcome = 'Failed'), 0) AS failed,
             sum("durationSum") AS duration_sum,
             coalesce(sum("durationN"), 0) AS duration_n,
             coalesce(sum(promises), 0) AS promises,
             coalesce(sum(calls) FILTER (WHERE blocked = 'dnc'), 0) AS blocked_dnc,
             coalesce(sum(calls) FILTER (WHERE blocked = 'frequency_cap'), 0) AS blocked_cap
      FROM campaign_call_stats WHERE "campaignId" = ${campaign.id}`,
    db.$queryRaw<{ promise_contacts: bigint }[]>`
      SELECT count(DISTINCT "customerId") AS promise_contacts
      FROM calls WHERE "campaignId" = ${campaign.id} AND outcome = 'Contacted' AND "extractedData" ? 'promise_to_pay_date'`,
  ]);
  const contacted = Number(calls.contacted);
  const noContact = Number(calls.no_contact);
  return {
    contacts: Number(customers.contacts),
    reachable: Number(customers.contacts) - Number(dnc.dnc),
    calledContacts: Number(customers.called),
    contactedContacts: Number(customers.contacted),
    promiseContacts: Number(promise.promise_contacts),
    contacted,
    noContact,
    failed: Number(calls.failed),
    connectRate: contacted + noContact === 0 ? null : contacted / (contacted + noContact),
    promises: Number(calls.promises),
    averageDurationSeconds: Number(calls.duration_n) === 0 ? null : Math.round(Number(calls.duration_sum) / Number(calls.duration_n)),
    blockedDnc: Number(calls.blocked_dnc),
    blockedCap: Number(calls.blocked_cap),
  };
}
