import { db } from "@/lib/db/client";
import { istDay } from "@/lib/dashboard/campaign-charts";

// The organization home: today's call results and connect rate against yesterday and the 7 days
// before today (India-time days), upload jobs running, campaigns that paused themselves, and
// webhook deliveries that are failing.

export type ResultsWindow = { results: number; contacted: number; noContact: number; connectRate: number | null };
export type CallsToday = { day: string; today: ResultsWindow; yesterday: ResultsWindow; last7Days: ResultsWindow };

const IST = "Asia/Kolkata";

export async function callsToday(organizationId: string, now: Date): Promise<CallsToday> {
  const day = istDay(now);
  const rows = await db.$queryRaw<{ bucket: string; results: bigint; contacted: bigint; no_contact: bigint }[]>`
    WITH bounds AS (SELECT ((${day}::date::timestamp AT TIME ZONE ${IST}) AT TIME ZONE 'UTC') AS today)
    SELECT CASE WHEN c."finishedAt" >= b.today THEN 'today'
                WHEN c."finishedAt" >= b.today - interval '1 day' THEN 'yesterday' ELSE 'before' END AS bucket,
           count(*) AS results,
           count(*) FILTER (WHERE outcome = 'Contacted') AS contacted,
           count(*) FILTER (WHERE outcome = 'No Contact') AS no_contact
    FROM calls c, bounds b
    WHERE c."organizationId" = ${organizationId} AND c.outcome IS NOT NULL
      AND c."finishedAt" >= b.today - interval '7 days' AND c."finishedAt" < b.today + interval '1 day'
    GROUP BY 1`;
  const window = (buckets: string[]): ResultsWindow => {
    const picked = rows.filter((r) => buckets.includes(r.bucket));
    const sum = (k: "results" | "contacted" | "no_contact") => picked.reduce((n, r) => n + Number(r[k]), 0);
    const contacted = sum("contacted");
    const noContact = sum("no_contact");
    return {
      results: sum("results"),
      contacted,
      noContact,
      connectRate: contacted + noContact === 0 ? null : contacted / (contacted + noContact),
    };
  };
  return { day, today: window(["today"]), yesterday: window(["yesterday"]), last7Days: window(["yesterday", "before"]) };
}

export async function runningJobs(organizationId: string) {
  return db.uploadJob.findMany({
    where: { organizationId, status: { in: ["pending", "processing"] } },
    orderBy: { createdAt: "desc" },
    take: 10,
    select: {
      id: true,
      source: true,
      status: true,
      reference: true,
      fileName: true,
      total: true,
      processed: true,
      createdAt: true,
      campaign: { select: { id: true, name: true } },
    },
  });
}

export async function autoPausedCampaigns(organizationId: string) {
  return db.campaign.findMany({
    where: { organizationId, status: "paused", autoPausedReason: { not: null } },
    orderBy: { pausedAt: "desc" },
    select: { id: true, name: true, autoPausedReason: true, pausedAt: true },
  });
}

export async function failingDeliveries(organizationId: string) {
  const where = { organizationId, status: { in: ["failed", "retrying"] } };
  const [total, latest] = await Promise.all([
    db.webhookDelivery.count({ where }),
    db.webhookDelivery.findMany({
      where,
      orderBy: { updatedAt: "desc" },
      take: 5,
      select: { id: true, status: true, attempts: true, lastStatusCode: true, lastError: true, updatedAt: true, callId: true },
    }),
  ]);
  return { total, latest };
}

export type CampaignToday = {
  id: string;
  name: string;
  status: string;
  results: number;
  contacted: number;
  noContact: number;
  connectRate: number | null;
};

/** Every campaign that is not completed, with today's results, busiest first. */
export async function campaignsToday(organizationId: string, now: Date): Promise<CampaignToday[]> {
  const day = istDay(now);
  const rows = await db.$queryRaw<{ id: string; name: string; status: string; results: bigint; contacted: bigint; no_contact: bigint }[]>`
    SELECT k.id, k.name, k.status::text AS status, count(c.id) AS results,
           count(c.id) FILTER (WHERE c.outcome = 'Contacted') AS contacted,
           count(c.id) FILTER (WHERE c.outcome = 'No Contact') AS no_contact
    FROM campaigns k
    LEFT JOIN calls c ON c."campaignId" = k.id AND c.outcome IS NOT NULL
      AND c."finishedAt" >= ((${day}::date::timestamp AT TIME ZONE ${IST}) AT TIME ZONE 'UTC')
      AND c."finishedAt" < (((${day}::date + 1)::timestamp AT TIME ZONE ${IST}) AT TIME ZONE 'UTC')
    WHERE k."organizationId" = ${organizationId} AND k.status <> 'completed'
    GROUP BY k.id ORDER BY 4 DESC, k.name LIMIT 20`;
  return rows.map((r) => {
    const contacted = Number(r.contacted);
    const noContact = Number(r.no_contact);
    return {
      id: r.id,
      name: r.name,
      status: r.status,
      results: Number(r.results),
      contacted,
      noContact,
      connectRate: contacted + noContact === 0 ? null : contacted / (contacted + noContact),
    };
  });
}
