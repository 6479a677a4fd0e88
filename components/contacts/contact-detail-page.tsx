import Link from "next/link";
import { orNotFound, pageContext } from "@/lib/auth/page-context";
import { contactDetail } from "@/lib/customers/contact-detail";
import { formatDateTime } from "@/components/ui/format";
import { SOURCE_LABELS } from "@/lib/upload-jobs/job-outcome";
import { ContactActions } from "@/components/contacts/contact-actions";
import { ContactEditForm } from "@/components/contacts/contact-edit-form";
import { customerCallHistory } from "@/lib/calls/customer-call-history";
import { customerWorkflowRuns } from "@/lib/workflows/customer-runs";
import { ContactCallHistory } from "@/components/contacts/contact-call-history";
import { ContactWorkflowRuns } from "@/components/contacts/contact-workflow-runs";

// /campaigns/[id]/contacts/[contactId]: every field of one contact, its phone as entered and as
// E.164, its DNC state and the upload that added it, its call history and its workflow run;
// operators can edit, block or delete it.

export async function ContactDetailPage({ campaignId, contactId }: { campaignId: string; contactId: string }) {
  const { ctx, canWrite } = await pageContext();
  const detail = await orNotFound(contactDetail(ctx, campaignId, contactId));
  const { campaign, customer, fields, dnc, blocked, uploadJob } = detail;
  // Read once the contact is known to be the organization's (and its id a valid one).
  const [history, runs] = await Promise.all([customerCallHistory(ctx, customer.id), customerWorkflowRuns(ctx, customer.id)]);
  const name = [customer.firstName, customer.lastName].filter(Boolean).join(" ") || customer.identifier;

  return (
    <>
      <header className="page-header">
        <div>
          <div className="breadcrumbs">
            <Link href="/campaigns">Campaigns</Link> / <Link href={`/campaigns/${campaign.id}`}>{campaign.name}</Link> /{" "}
            <Link href={`/campaigns/${campaign.id}/contacts`}>Contacts</Link> /
          </div>
          <h1>{name}</h1>
          <p className="muted">
            <span className="mono">{customer.identifier}</span>{" "}
            {blocked ? (
              <span className="badge badge-danger">DNC · {blocked.scope === "global" ? "all campaigns" : "this campaign"}</span>
            ) : (
              <span className="badge badge-success">Reachable</span>
            )}
          </p>
        </div>
      </header>

      <div className="detail-grid">
        <section className="card" aria-label="Phone and state">
          <h2>Contact</h2>
          <dl className="facts">
            <dt>As entered</dt>
            <dd className="mono">{customer.phoneRaw}</dd>
            <dt>E.164</dt>
            <dd className="mono">{customer.phoneE164}</dd>
            <dt>DNC</dt>
            <dd>
              {dnc.length === 0
                ? "Not on any DNC list"
                : dnc.map((d) => (
                    <div key={d.scope}>
                      {d.scope === "global" ? "Global list" : "This campaign's list"}: {d.status} since {formatDateTime(d.createdAt)}
                    </div>
                  ))}
            </dd>
            <dt>Assignee</dt>
            <dd>{customer.assignedTo ?? "—"}</dd>
            <dt>Status</dt>
            <dd>{customer.status}</dd>
            <dt>Added</dt>
            <dd>
              {formatDateTime(customer.createdAt)}
              {uploadJob && (
                <>
                  {" "}
                  by{" "}
                  <Link href={`/uploads/${uploadJob.id}`}>
                    {uploadJob.fileName ?? `${SOURCE_LABELS[uploadJob.source] ?? uploadJob.source} upload`}
                  </Link>
                </>
              )}
            </dd>
            <dt>Last changed</dt>
            <dd>{formatDateTime(customer.updatedAt)}</dd>
          </dl>
          {canWrite && <ContactActions campaignId={campaign.id} contactId={customer.id} name={name} blocked={blocked?.scope ?? null} />}
        </section>

        <section className="card" aria-label="Fields">
          <h2>Fields</h2>
          {canWrite ? (
            <ContactEditForm
              campaignId={campaign.id}
              contactId={customer.id}
              fields={fields.map((f) => ({
                ...f,
                value: f.value === null ? null : String(f.value),
                locked: f.key === (detail.schema.identifierKey ?? detail.schema.phoneKey),
              }))}
            />
          ) : (
            <dl className="facts">
              {fields.map((f) => (
                <div key={f.key} className="facts-row">
                  <dt>
                    {f.label} <span className="mono small muted">{f.key}</span>
                  </dt>
                  <dd>{f.value === null || f.value === "" ? <span className="muted">—</span> : String(f.value)}</dd>
                </div>
              ))}
            </dl>
          )}
        </section>
      </div>

      <div className="contact-history">
        <ContactCallHistory campaignId={campaign.id} history={history} canWrite={canWrite} />
        <ContactWorkflowRuns campaignId={campaign.id} runs={runs} />
      </div>
    </>
  );
}
