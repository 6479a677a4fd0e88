import type { Metadata } from "next";
import { NewWorkflowPage } from "@/components/workflows/workflow-editor-page";

export const metadata: Metadata = { title: "New workflow" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { template } = await searchParams;
  return <NewWorkflowPage template={typeof template === "string" ? template : undefined} />;
}
