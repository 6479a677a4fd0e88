import Link from "next/link";
import { pageContext } from "@/lib/auth/page-context";
import { campaignSummaries } from "@/lib/campaigns/campaign-summaries";
import { ServiceTypeBadge, StatusBadge } from "@/components/campaigns/badges";
import { formatNumber } from "@/components/ui/format";

// Step 1 of an upload when it starts without a campaign: the campaign decides which fields a
// row must have, so it is chosen before any file is read.
export async function CampaignPickerPage() {
  const { ctx, user } = await pageContext();
  const campaigns = await campaignSummaries(ctx);

  return (
    <>
      <header className="page-header">
        <div>
          <h1>Upload contacts</h1>
          <p className="muted">First, pick the campaign the contacts are for. Its fields decide what every row must contain.</p>
        </div>
      </header>
      {campaigns.length === 0 ? (
        <section className="card empty-state">
          <h2>No campaigns yet</h2>
          <p className="muted">
            Contacts always belong to a campaign: create one first (or through the API with <code>POST /api/v1/campaigns/create</code>),
            then upload its contacts here.
          </p>
          {user.role !== "viewer" && (
            <Link href="/campaigns/new" className="btn btn-primary">
              Create a campaign
            </Link>
          )}
        </section>
      ) : (
        <ul className="picker-grid" aria-label="Campaigns">
          {campaigns.map((c) => (
            <li key={c.id}>
              <Link href={`/campaigns/${c.id}/upload`} className="card picker-card">
                <span className="picker-name">{c.name}</span>
                <span>
                  <ServiceTypeBadge serviceType={c.serviceType} campaignType={c.campaignType} /> <StatusBadge status={c.status} />
                </span>
                <span className="muted small">{formatNumber(c.customers)} contacts</span>
                <span className="picker-cta" aria-hidden>
                  Upload contacts →
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
