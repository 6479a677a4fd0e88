import { recordMessages } from "@/lib/records/messages";

// Every sentence the Flexydial contract says, word for word from the vendor's documents
// (reference/api-contracts.md Part 1), plus the few this implementation had to choose, marked
// "ours". Tests pin these strings: changing one is a contract change. A value quoted from the
// request is cut to 64 characters (quoteValue), so a 1 MB `numeric` is not echoed whole.
import { quoteValue } from "@/lib/text/storable-text";

export const uploadErrors = {
  /** §1.4: insert with `reference_field`. */
  insertWithReference: "Insert operation cannot have reference_field.",
  /** §1.5: only `campaign`, only `bulk_data`, or an unknown `action_type`. */
  invalidStructure: "Invalid request structure",
  /** §1.5 "Type 1": an update without `campaign` or `bulk_data`; also the generic 500. */
  somethingWrong: "Oops Something went wrong, Please contact Administrator",
  referenceMissing: "reference_field is missing in the request!",
  referenceMissingInItems: (field: string) => `reference_field - ${quoteValue(field)} is missing in some bulk_data item(s)`,
  notUniform: "All items in bulk_data must have uniform structure",
  onlyReference: "Please provide the columns data that you want to update along with the reference_field",
  headersNotMatching: "Headers are not matching with Campaign CRM Fields. Please refer to the sample CSV",
  /** Ours: the vendor documents no message for an unknown campaign name. */
  campaignNotFound: "Campaign not found.",
  /** Ours: `user` cannot locate a contact. */
  referenceNotSearchable: (field: string) =>
    `reference_field - ${quoteValue(field)} cannot be used to find contacts; use numeric or a CRM field`,
};

export const statusMessages = {
  completed: "Completed",
  pending: "Pending state. Please check with Administrator!",
  invalidData: "Invalid Data",
  jobNotFound: "Job not found.",
};

/** `description` of an `improper_data` row. The 2022 uploader's wording where one exists. */
export const rowMessages = {
  duplicateInFile: "This row is duplicated in file",
  unknownUser: recordMessages.unknownAgent,
  blockedGlobally: "This number is blocked globally",
  blockedInCampaign: "This number is blocked in this campaign",
  alreadyExists: (field: string, campaign: string) => `contact with this ${field} value is already exist in ${campaign} campaign`,
  notFoundForUpdate: (field: string) => `the ${field} is not exist in campaign, please insert first`,
  blankReference: (field: string) => `the ${field} should not be blank`,
  /** Ours: changing the identifier of several contacts at once would merge them. */
  ambiguousIdentifierChange: (field: string, identifier: string) =>
    `the ${field} matches more than one contact, so ${identifier} cannot be changed`,
};

export const dncMessages = {
  processed: "Data processed successfully",
  removed: "DNC numbers removed successfully",
  alreadyExists: (numeric: string) => `DNC number ${quoteValue(numeric)} already exists.`,
  notExists: (numeric: string) => `DNC number ${quoteValue(numeric)} does not exist.`,
  // Ours: the vendor documents no validation messages for these endpoints.
  notArray: "Request body must be a JSON array of DNC entries.",
  empty: "Request body must contain at least one DNC entry.",
  itemNotObject: (index: number) => `Item ${index} must be an object.`,
  numericMissing: (index: number) => `Item ${index}: numeric is required.`,
  invalidNumber: (numeric: string, reason: string) => `DNC number ${quoteValue(numeric)} is not a valid phone number (${reason}).`,
  globalDnc: (index: number) => `Item ${index}: global_dnc must be "true" or "false".`,
  status: (index: number) => `Item ${index}: status must be "Active" or "Inactive".`,
  campaignRequired: (index: number) => `Item ${index}: campaign is required when global_dnc is "false".`,
  campaignText: (index: number) => `Item ${index}: campaign must be a campaign name, or "" for the global list.`,
  campaignNotFound: (name: string) => `Campaign ${quoteValue(name)} does not exist.`,
};
