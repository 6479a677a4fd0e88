import Link from "next/link";
import type { WaitingSummary } from "@/lib/calls/campaign-waiting";
import { formatNumber } from "@/components/ui/format";

// The campaign's calls right now: what waits for the calling window and when it opens, what
// waits for a resume, and what is in progress.

export function CampaignCallsCard({
  campaign,
  waiting,
}: {
  campaign: { id: string; timezone: string; status: string; autoPausedReason: string | null };
  waiting: WaitingSummary;
}) {
  const opens = waiting.window.opensAt ? formatIn(waiting.window.opensAt, campaign.timezone) : null;
  const nothing = waiting.window.count + waiting.resume + waiting.queued + waiting.inProgress === 0;
  return (
    <section className="card" aria-label="Calls now">
      <h2>Calls now</h2>
      {campaign.status === "paused" && campaign.autoPausedReason && (
        <div role="alert" className="alert alert-warning">
          Calls were paused automatically: {campaign.autoPausedReason}
        </div>
      )}
      {nothing ? (
        <p className="muted">No calls are waiting or in progress.</p>
      ) : (
        <ul className="field-list">
          {waiting.window.count > 0 && (
            <li data-testid="waiting-window">
              {plural(waiting.window.count)} waiting for the calling window
              {opens && (
                <>
                  , which opens <strong>{opens}</strong> ({campaign.timezone})
                </>
              )}
            </li>
          )}
          {waiting.resume > 0 && <li data-testid="waiting-resume">{plural(waiting.resume)} will be placed when the campaign is resumed</li>}
          {waiting.queued > 0 && <li data-testid="waiting-queued">{plural(waiting.queued)} queued to be placed</li>}
          {waiting.inProgress > 0 && <li data-testid="in-progress">{plural(waiting.inProgress)} in progress</li>}
        </ul>
      )}
      <Link href={`/calls?campaign=${encodeURIComponent(campaign.id)}`}>See this campaign’s calls</Link>
    </section>
  );
}

const plural = (n: number) => `${formatNumber(n)} ${n === 1 ? "call" : "calls"}`;

function formatIn(at: Date, timeZone: string) {
  return new Intl.DateTimeFormat("en-IN", {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "numeric",
    minute: "2-digit",
    timeZone,
  }).format(at);
}
