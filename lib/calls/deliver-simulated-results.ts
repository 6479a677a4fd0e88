import { db } from "@/lib/db/client";
import type { Clock } from "@/lib/domain/clock";
import { callSettingsOf } from "@/lib/calls/call-settings";
import { recordCallResults } from "@/lib/calls/record-call-result";
import { simulateOutcome } from "@/lib/calls/simulated-outcome";

// Reports the simulated dialer's results whose time has come (calls.resultDueAt), through the
// one results path. Rows are the schedule, so a result survives a restart and a manual clock
// drives it in tests.

export async function deliverSimulatedResults(options: { clock: Clock; organizationId?: string; limit?: number }): Promise<number> {
  const now = options.clock.now();
  const due = await db.$queryRaw<
    {
      id: string;
      organizationId: string;
      providerCallId: string;
      toPhone: string;
      attempt: number;
      dialedAt: Date;
      serviceType: "debt_collection" | "lead_generation" | "custom";
    }[]
  >`
    SELECT c.id::text, c."organizationId", c."providerCallId", c."toPhone", c.attempt, c."dialedAt", ca."serviceType"::text AS "serviceType"
    FROM calls c JOIN campaigns ca ON ca.id = c."campaignId"
    WHERE c.state = 'dialing' AND c."resultDueAt" <= ${now} AND c."providerCallId" IS NOT NULL
      AND (${options.organizationId ?? null}::text IS NULL OR c."organizationId" = ${options.organizationId ?? null})
    ORDER BY c."resultDueAt" LIMIT ${options.limit ?? 1000}`;
  if (due.length === 0) return 0;
  const organizations = [...new Set(due.map((d) => d.organizationId))];
  const settings = await callSettingsOf(organizations);
  let delivered = 0;
  for (const organizationId of organizations) {
    const s = settings.get(organizationId)!;
    const names = (await db.disposition.findMany({ where: { organizationId }, select: { name: true } })).map((d) => d.name);
    const results = due
      .filter((d) => d.organizationId === organizationId)
      .map((d) => {
        const o = simulateOutcome({
          seed: s.simulatedSeed,
          phone: d.toPhone,
          attempt: d.attempt,
          serviceType: d.serviceType,
          dispositions: names,
          at: d.dialedAt,
          mix: { contactedPct: s.simulatedContactedPct, noContactPct: s.simulatedNoContactPct, failedPct: s.simulatedFailedPct },
        });
        return {
          providerCallId: d.providerCallId,
          attemptId: d.id,
          status: o.status,
          disposition: o.disposition,
          duration: o.duration,
          startedAt: d.dialedAt,
          endedAt: new Date(d.dialedAt.getTime() + o.duration * 1000),
          summary: o.summary,
          extractedData: o.extractedData,
          recordingId: o.status === "Contacted" ? `rec_${d.id}` : null,
          transcriptId: o.status === "Contacted" ? d.id : null,
          // The caller id the dial used stays (finishAttempts keeps the call's own when null).
          fromPhone: null,
        };
      });
    const outcomes = await recordCallResults({ organizationId }, results, options.clock, { wake: false });
    delivered += outcomes.filter((o) => o.outcome === "updated").length;
  }
  return delivered;
}
