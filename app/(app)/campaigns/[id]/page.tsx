import { CampaignPage } from "@/components/campaigns/campaign-page";

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  return <CampaignPage id={(await params).id} />;
}
