import { db } from "@/lib/db/client";

// The campaign a dashboard shows, only within the viewer's organization (null otherwise).
export async function dashboardCampaign(organizationId: string, id: string) {
  return db.campaign.findFirst({ where: { id, organizationId } });
}

export type DashboardCampaign = NonNullable<Awaited<ReturnType<typeof dashboardCampaign>>>;
