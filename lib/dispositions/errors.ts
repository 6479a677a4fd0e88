import { Conflict, Invalid } from "@/lib/domain/errors";

// The two disposition rules a contract words in its own way: a disposition still used by a group
// cannot be deleted, and a group can only hold dispositions of its own organization.

export class DispositionInUse extends Conflict {
  constructor(readonly groupNames: string[]) {
    super(`Disposition is used in group(s): ${groupNames.join(", ")}`, { resource: "disposition" });
  }
}

export class UnknownDispositions extends Invalid {
  constructor(readonly ids: string[]) {
    super("Invalid disposition IDs", {
      resource: "disposition",
      field: "dispositions",
      issues: ids.map((id) => `${id} is not a disposition of your organization`),
    });
  }
}
