// POST|DELETE /api/v1/dispositions/groups/{id}/dispositions - add dispositions to a group, or remove them
import { z } from "zod";
import { withApi } from "@/lib/api/with-api";
import { changeMembers } from "@/lib/timepay/disposition-groups";
import { timepayContext } from "@/lib/timepay/context";
import { timepayDialect } from "@/lib/timepay/dialect";

// The list is checked by the adapter: TimePay words every problem with it as one bare message.
const anyJson = z.unknown();

export const POST = withApi(
  { dialect: timepayDialect, auth: "credential", body: anyJson, idempotent: true },
  async ({ auth, params, body }) => changeMembers(timepayContext(auth), params.id, body, "add"),
);

export const DELETE = withApi({ dialect: timepayDialect, auth: "credential", body: anyJson }, async ({ auth, params, body }) =>
  changeMembers(timepayContext(auth), params.id, body, "remove"),
);
