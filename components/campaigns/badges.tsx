const SERVICE_LABELS: Record<string, string> = {
  debt_collection: "Debt collection",
  lead_generation: "Lead generation",
  custom: "Custom (CRM fields)",
};

export function ServiceTypeBadge({ serviceType, campaignType }: { serviceType: string; campaignType: string }) {
  return (
    <span className="badge badge-neutral" title={`campaignType: ${campaignType}`}>
      {SERVICE_LABELS[serviceType] ?? serviceType}
      {serviceType === "debt_collection" && <span className="badge-sub"> · {campaignType.toUpperCase()}</span>}
    </span>
  );
}

const STATUS_CLASS: Record<string, string> = {
  active: "badge-success",
  paused: "badge-warning",
  draft: "badge-neutral",
  completed: "badge-info",
  pending: "badge-neutral",
  processing: "badge-info",
  failed: "badge-danger",
};

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge ${STATUS_CLASS[status] ?? "badge-neutral"}`}>{status}</span>;
}
