// The examples of seeds/timepay-bulk-add-customers.md, verbatim. A test validates each against the
// response schema it is listed under.

const results = (n: { total: number; valid: number; invalid: number; successful: number; failed: number }) => ({
  ...n,
  batchesProcessed: 1,
  errors: [],
});
const allAdded = results({ total: 3, valid: 3, invalid: 0, successful: 3, failed: 0 });

export const bulkAddExamples: Record<201 | 207 | 400 | 404, Record<string, unknown>> = {
  201: {
    "All Added Successfully": { success: true, message: "Added 3 of 3 records", results: allAdded },
    "All Added with Calls": {
      success: true,
      message: "Added 3 of 3 records | Calls initiated for 3 customers",
      results: allAdded,
      callResults: { totalRequested: 3, initiated: 3, failed: 0, errors: [] },
    },
    "All Added with Workflow": {
      success: true,
      message: "Added 3 of 3 records | Workflow triggered for 3 customers",
      results: allAdded,
      workflowTriggered: true,
    },
  },
  207: {
    "Partial Success": {
      success: false,
      message: "Added 2 of 3 records",
      results: {
        ...results({ total: 3, valid: 2, invalid: 1, successful: 2, failed: 1 }),
        invalidRecords: [
          {
            index: 2,
            id: null,
            errors: ["Record 2: Missing required field 'phone_number'", "Record 2: Missing required field 'loan_amount'"],
          },
        ],
      },
    },
  },
  400: {
    "Validation Error": { success: false, message: "Validation failed", errors: ["campaignId is required and must be a string"] },
    "No Valid Records": {
      success: false,
      message: "No valid records to add",
      invalidRecords: [
        {
          index: 0,
          id: null,
          errors: ["Record 0: Missing required field 'first_name'", "Record 0: Missing required field 'phone_number'"],
        },
      ],
    },
  },
  404: { "Campaign Not Found": { success: false, message: "Campaign not found" } },
};
