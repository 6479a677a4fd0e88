import { cache } from "react";
import { campaignKpis } from "@/lib/dashboard/campaign-kpis";

// The figures and the funnel share one read per request.
const kpis = cache((id: string, organizationId: string) => campaignKpis({ id, organizationId }));
export const kpisOf = (campaign: { id: string; organizationId: string }) => kpis(campaign.id, campaign.organizationId);
