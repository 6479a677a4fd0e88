import type { z } from "zod";

// TimePay-style validation messages: "<field> <problem>", e.g. "startDate must be a date in YYYY-MM-DD format".
// A message that already names its field (the seed's "campaignId is required and must be a string") is kept.
export function fieldIssues(issues: z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const field = issue.path.map(String).join(".");
    if (!field || issue.message.startsWith(String(issue.path[0]))) return issue.message;
    return `${field} ${issue.message}`;
  });
}
