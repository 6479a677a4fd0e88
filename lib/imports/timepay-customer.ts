import type { AuthContext } from "@/lib/api/authenticate";
import { conflict, notFound, validationFailed } from "@/lib/api/errors";
import type { ApiResult } from "@/lib/api/with-api";
import { getCampaignForContract, recordRules } from "@/lib/campaigns/campaigns";
import type { FieldSchema, PhonePolicy } from "@/lib/campaigns/field-schema";
import { assertCallTargets, CALL_NOT_INITIATED_ERROR } from "@/lib/calls/call-options";
import { recordPrefix } from "@/lib/records/messages";
import { normalizePhone } from "@/lib/records/phone";
import { validateRecords } from "@/lib/records/validate-records";
import { insertCustomers } from "./insert-customers";
import type { AddCustomerBody, UpdateCustomerBody } from "./timepay-bodies";
import { updateCustomers } from "./update-customers";

// TimePay's single-customer routes, on the same core and write paths as the bulk ones.

/** POST /api/v1/customers/add: 201, 400 with the record's problems, 409 when it already exists. */
export async function addCustomer(auth: AuthContext, body: AddCustomerBody): Promise<ApiResult> {
  const campaign = await getCampaignForContract(auth.organizationId, body.campaignId);
  await assertCallTargets(auth.organizationId, campaign, body);
  const { schema, policy } = recordRules(campaign);
  const validation = validateRecords([body.data], schema, policy);
  if (validation.invalid.length > 0) throw validationFailed(withoutPrefix(validation.invalid[0].errors));

  const record = validation.valid[0];
  const written = await insertCustomers({ campaignId: campaign.id, uploadJobId: null, schema, records: [record] });
  if (written.existing.length > 0) {
    throw conflict(`A customer with ${schema.identifierKey ?? schema.phoneKey} '${record.id}' already exists in this campaign`);
  }
  if (written.failed.length > 0) throw new Error("The customer insert was refused by the database");
  return {
    status: 201,
    body: {
      success: true,
      message: "Customer added to campaign successfully",
      data: { id: record.id, campaignId: campaign.id },
      // No dialler exists yet: say so instead of pretending a call was placed.
      ...(body.initiateCall && { callInitiated: false, callError: CALL_NOT_INITIATED_ERROR }),
    },
  };
}

/** PUT /api/v1/customers/update: 200, 404 for an unknown customer, 400 when the merged record is invalid. */
export async function updateCustomer(auth: AuthContext, body: UpdateCustomerBody): Promise<ApiResult> {
  const campaign = await getCampaignForContract(auth.organizationId, body.campaignId);
  const { schema, policy } = recordRules(campaign);
  const identifier = requestedIdentifier(body, schema, policy);
  const result = await updateCustomers({ campaignId: campaign.id, schema, policy, changes: [{ index: 0, identifier, data: body.data }] });

  if (result.notFound.length > 0) throw notFound("Customer not found");
  if (result.invalid.length > 0) throw validationFailed(withoutPrefix(result.invalid[0].errors));
  if (result.conflicts.length > 0) throw conflict("The customer was changed by another request at the same time; send the update again");
  if (result.failed.length > 0) throw new Error("The customer update was refused by the database");
  return { status: 200, body: { success: true, message: "Customer data updated successfully", data: { id: identifier, result: "updated" } } };
}

/**
 * The identifier a client named a customer by: loan_id or lead_id as the campaign's type has it,
 * or `id` for any campaign (a CRM id, or the phone of a campaign keyed by phone).
 */
export function requestedIdentifier(
  body: { loan_id?: string | number; lead_id?: string | number; id?: string | number },
  schema: FieldSchema,
  policy: PhonePolicy,
): string {
  const key = schema.identifierKey;
  const named = key === "loan_id" ? body.loan_id : key === "lead_id" ? body.lead_id : undefined;
  const value = named ?? body.id;
  if (value === undefined) {
    throw validationFailed([`This campaign identifies customers by ${key ?? schema.phoneKey}; send it as ${key === "loan_id" || key === "lead_id" ? key : "id"}`]);
  }
  const text = String(value).trim();
  if (key !== null) return text;
  const phone = normalizePhone(text, policy);
  return phone.ok ? phone.e164 : text;
}

/** A single record's messages without the "Record 0: " a bulk request needs. */
function withoutPrefix(errors: string[]): string[] {
  const prefix = recordPrefix(0);
  return errors.map((e) => (e.startsWith(prefix) ? e.slice(prefix.length) : e));
}
