import type { WorkflowStep } from "@/lib/workflows/definition";

// A branch step picks its target from the run's last call: its status (Contacted / No Contact /
// Failed, Blocked when the call could not be placed, None before any call), its disposition, the
// disposition's group, or an extracted field (present, or equal to a value).

export type LastCall = {
  status: "Contacted" | "No Contact" | "Failed" | "Blocked";
  disposition: string | null;
  dispositionId: string | null;
  extractedData: Record<string, unknown>;
  callId: string | null;
  reason?: string;
};

type BranchStep = Extract<WorkflowStep, { type: "branch" }>;

/** Index of the first matching rule and where it goes; null rule = no match (otherwise). */
export function chooseBranch(step: BranchStep, last: LastCall | null, groupsOfDisposition: Set<string>, fallthrough: string | null) {
  for (const [index, rule] of step.rules.entries()) {
    if (matches(rule.when, last, groupsOfDisposition)) return { rule: index, goto: rule.goto as string | null };
  }
  return { rule: null, goto: step.otherwise ?? fallthrough };
}

function matches(when: BranchStep["rules"][number]["when"], last: LastCall | null, groups: Set<string>): boolean {
  if ("status" in when) return when.status === "None" ? last === null : last?.status === when.status;
  if (!last) return false;
  if ("disposition" in when) return last.disposition !== null && last.disposition.toLowerCase() === when.disposition.toLowerCase();
  if ("dispositionGroup" in when) return groups.has(when.dispositionGroup);
  const value = last.extractedData[when.extracted];
  if (value === undefined || value === null || value === "") return false;
  return when.equals === undefined || String(value) === when.equals;
}
