import type { Metadata } from "next";
import { UploadsPage } from "@/components/uploads/uploads-page";
import { uploadListFiltersSchema } from "@/lib/upload-jobs/list-upload-jobs";

export const metadata: Metadata = { title: "Uploads" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ searchParams }: Props) {
  const query = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return (
    <UploadsPage
      filters={uploadListFiltersSchema.parse({
        campaign: one(query.campaign),
        source: one(query.source),
        status: one(query.status),
        page: one(query.page),
      })}
    />
  );
}
