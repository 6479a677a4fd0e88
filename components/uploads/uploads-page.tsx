import Link from "next/link";
import { requireOperator } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { UploadJobsTable } from "@/components/uploads/upload-jobs-table";

export async function UploadsPage() {
  const { organization } = await requireOperator();
  const jobs = await db.uploadJob.findMany({
    where: { organizationId: organization.id },
    orderBy: { createdAt: "desc" },
    take: 100,
    include: { campaign: { select: { name: true } } },
  });
  return (
    <>
      <header className="page-header">
        <div>
          <h1>Uploads</h1>
          <p className="muted">Every upload — from a spreadsheet, the TimePay API or the Flexydial API — with what it added and rejected.</p>
        </div>
        <Link href="/upload" className="btn btn-primary">New upload</Link>
      </header>
      <section className="card table-card">
        <UploadJobsTable jobs={jobs} />
      </section>
    </>
  );
}
