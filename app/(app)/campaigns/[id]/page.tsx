import { CampaignPage } from "@/components/campaigns/campaign-page";

export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return <CampaignPage id={(await params).id} searchParams={await searchParams} />;
}
