import type { FieldSchema, PhonePolicy } from "@/lib/campaigns/field-schema";
import type { DuplicatesBy } from "@/lib/records/duplicates-by";
import type { RememberedMapping } from "@/lib/spreadsheet/map-columns";

// What the wizard's page hands it: the campaign an upload goes to, and the choices for its calls.

export type WizardCampaign = {
  id: string;
  name: string;
  schema: FieldSchema;
  policy: PhonePolicy;
  duplicatesBy: DuplicatesBy;
  savedMapping: RememberedMapping | null;
  workflowName: string | null;
};
export type AgentOption = { id: string; name: string; username: string; kind: string };
export type DispositionOption = { id: string; name: string };
