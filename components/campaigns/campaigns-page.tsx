import Link from "next/link";
import { pageContext } from "@/lib/auth/page-context";
import { campaignSummaries } from "@/lib/campaigns/campaign-summaries";
import { ServiceTypeBadge, StatusBadge } from "@/components/campaigns/badges";
import { formatDateTime, formatNumber } from "@/components/ui/format";

export async function CampaignsPage() {
  const { ctx, canWrite } = await pageContext();
  const campaigns = await campaignSummaries(ctx);

  return (
    <>
      <header className="page-header">
        <div>
          <h1>Campaigns</h1>
          <p className="muted">Pick a campaign to upload contacts or follow its calls.</p>
        </div>
        {canWrite && (
          <Link href="/campaigns/new" className="btn btn-primary">
            New campaign
          </Link>
        )}
      </header>
      {campaigns.length === 0 ? (
        <section className="card empty-state">
          <h2>No campaigns yet</h2>
          <p className="muted">
            A campaign holds the contacts you call, when they may be called and by whom. Create one here or through the API with{" "}
            <code>POST /api/v1/campaigns/create</code>.
          </p>
          {canWrite && (
            <Link href="/campaigns/new" className="btn btn-primary">
              Create your first campaign
            </Link>
          )}
        </section>
      ) : (
        <div className="card table-card">
          <table className="table" aria-label="Campaigns">
            <thead>
              <tr>
                <th>Name</th>
                <th>Type</th>
                <th>Status</th>
                <th className="num">Customers</th>
                <th>Last upload</th>
                <th aria-label="Actions" />
              </tr>
            </thead>
            <tbody>
              {campaigns.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link href={`/campaigns/${c.id}`} className="strong-link">
                      {c.name}
                    </Link>
                    <div className="muted small mono">{c.id}</div>
                  </td>
                  <td>
                    <ServiceTypeBadge serviceType={c.serviceType} campaignType={c.campaignType} />
                  </td>
                  <td>
                    <StatusBadge status={c.status} />
                  </td>
                  <td className="num">
                    <Link href={`/campaigns/${c.id}/contacts`} aria-label={`${formatNumber(c.customers)} contacts of ${c.name}`}>
                      {formatNumber(c.customers)}
                    </Link>
                  </td>
                  <td>
                    {c.lastUpload ? (
                      <>
                        <Link href={`/uploads/${c.lastUpload.id}`}>{formatDateTime(c.lastUpload.createdAt)}</Link>
                        <div className="muted small">
                          {formatNumber(c.lastUpload.successful)} of {formatNumber(c.lastUpload.total)} added
                        </div>
                      </>
                    ) : (
                      <span className="muted">Never</span>
                    )}
                  </td>
                  <td className="actions">
                    {canWrite && (
                      <Link href={`/campaigns/${c.id}/upload`} className="btn btn-sm">
                        Upload contacts
                      </Link>
                    )}{" "}
                    <Link
                      href={`/campaigns/${c.id}/edit`}
                      className="btn btn-sm btn-ghost"
                      aria-label={`${canWrite ? "Edit" : "View settings of"} ${c.name}`}
                    >
                      {canWrite ? "Edit" : "Settings"}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
