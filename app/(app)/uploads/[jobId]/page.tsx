import type { Metadata } from "next";
import { UploadJobPage } from "@/components/uploads/upload-job-page";
import { problemFiltersSchema } from "@/lib/upload-jobs/job-problems";

export const metadata: Metadata = { title: "Upload job" };

type Props = { params: Promise<{ jobId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ params, searchParams }: Props) {
  const query = await searchParams;
  const filters = problemFiltersSchema.parse({ problem: first(query.problem), page: first(query.page) });
  return <UploadJobPage jobId={(await params).jobId} filters={filters} />;
}

function first(value: string | string[] | undefined) {
  return Array.isArray(value) ? value[0] : value;
}
