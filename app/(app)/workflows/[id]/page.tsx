import type { Metadata } from "next";
import { WorkflowEditorPage } from "@/components/workflows/workflow-editor-page";

export const metadata: Metadata = { title: "Workflow" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  return <WorkflowEditorPage id={(await params).id} />;
}
