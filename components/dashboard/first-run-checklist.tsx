import Link from "next/link";
import type { FirstRunStep } from "@/lib/dashboard/first-run";

// "Get started" on the home page of a new organization. A viewer sees the steps without links
// (they cannot do them); the others get the link that does each step.

type Props = { steps: FirstRunStep[]; campaignId: string | null; role: "admin" | "operator" | "viewer" };

export function FirstRunChecklist({ steps, campaignId, role }: Props) {
  const text: Record<FirstRunStep["key"], { title: string; help: string; href: string | null; action: string }> = {
    campaign: {
      title: "Create a campaign",
      help: "A campaign holds the contacts you call, when they may be called and by which agent.",
      href: "/campaigns/new",
      action: "Create a campaign",
    },
    contacts: {
      title: "Upload contacts",
      help: "Drop a CSV or Excel file; the wizard maps its columns and shows each row's problems before anything is added.",
      href: campaignId ? `/campaigns/${campaignId}/upload` : null,
      action: "Upload contacts",
    },
    calls: {
      title: "Start calls",
      help: "Choose “add and start calls” when you upload, or start calls from the campaign's page.",
      href: campaignId ? `/campaigns/${campaignId}` : null,
      action: "Open the campaign",
    },
    team: {
      title: "Invite a colleague (optional)",
      help: "An operator to run campaigns, or a viewer who only reads.",
      href: role === "admin" ? "/team" : null,
      action: "Invite",
    },
  };
  const next = steps.find((s) => !s.done)?.key;
  return (
    <section className="card" aria-label="Get started" data-testid="first-run">
      <h2 className="card-title">Get started</h2>
      <ol className="checklist">
        {steps.map((step) => {
          const t = text[step.key];
          const showLink = role !== "viewer" && t.href && !step.done;
          return (
            <li key={step.key} className={step.done ? "checklist-done" : undefined} data-step={step.key} data-done={step.done}>
              <span className="checklist-mark" aria-hidden>
                {step.done ? "✓" : ""}
              </span>
              <div>
                <div className="checklist-title">
                  {t.title}
                  <span className="visually-hidden">{step.done ? " (done)" : " (to do)"}</span>
                </div>
                <div className="muted small">{t.help}</div>
                {showLink && t.href && (
                  <Link href={t.href} className={step.key === next ? "btn btn-primary btn-sm" : "btn btn-sm"}>
                    {t.action}
                  </Link>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      {role === "viewer" && <p className="muted small card-pad">You are a viewer: an operator or admin does these steps.</p>}
    </section>
  );
}
