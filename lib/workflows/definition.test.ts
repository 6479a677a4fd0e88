import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { Invalid } from "@/lib/domain/errors";
import { createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { contextOf } from "@/lib/calls/calls-test-kit";
import { createCallsCampaign } from "@/lib/calls/calls-test-kit";
import { createWorkflow, deleteWorkflow, parseDefinition } from "./workflows";
import { collectionsDefinition } from "./workflows-test-kit";
import { leadNurture } from "./ready-made";

// The one definition schema and its reference checks: every problem is refused with its step and
// the missing thing named.

let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  org = await createTestOrg("wf-def");
  other = await createTestOrg("wf-def-other");
});
afterAll(async () => {
  await deleteTestOrg(org);
  await deleteTestOrg(other);
});

async function issues(raw: unknown, organizationId = org.id) {
  const error = await parseDefinition(organizationId, raw).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Invalid);
  return (error as Invalid).details.issues;
}

describe("workflow definitions", () => {
  it("names a missing step, duplicate ids and malformed steps", async () => {
    expect(
      await issues({
        steps: [
          { id: "a", type: "branch", rules: [{ when: { status: "Contacted" }, goto: "nowhere" }] },
          { id: "a", type: "stop" },
        ],
      }),
    ).toEqual(['steps[1].id: duplicate step id "a"', 'steps[0].rules[0].goto: step "a" points at a missing step "nowhere"']);
    expect(await issues({ steps: [{ id: "w", type: "wait", minutes: 5, untilTime: "10:00" }] })).toEqual([
      "steps[0]: a wait step needs exactly one of minutes, untilTime, untilField",
    ]);
    expect(await issues({ steps: [] })).toEqual(["steps: a workflow needs at least one step"]);
  });

  it("names a missing or another organization's agent, template and disposition group", async () => {
    const foreign = await db.messageTemplate.create({
      data: { organizationId: other.id, name: `T ${other.suffix}`, channel: "sms", body: "hi" },
    });
    const wa = await db.messageTemplate.create({
      data: { organizationId: org.id, name: `WA ${org.suffix}`, channel: "whatsapp", body: "hi" },
    });
    expect(
      await issues({
        steps: [
          { id: "c", type: "call", agentId: other.agent.id },
          { id: "s", type: "sms", templateId: foreign.id },
          { id: "s2", type: "sms", templateId: wa.id },
          { id: "b", type: "branch", rules: [{ when: { dispositionGroup: "Nope" }, goto: "c" }] },
        ],
      }),
    ).toEqual([
      `steps[0] ("c"): agent "${other.agent.id}" does not exist in your organization`,
      `steps[1] ("s"): template "${foreign.id}" does not exist in your organization`,
      `steps[2] ("s2"): template "${wa.id}" is a whatsapp template, not sms`,
      'steps[3] ("b"): disposition group "Nope" does not exist in your organization',
    ]);
  });

  it("accepts the collections template; delete is refused while a campaign uses the workflow, naming it", async () => {
    const template = await db.messageTemplate.create({
      data: { organizationId: org.id, name: `R ${org.suffix}`, channel: "sms", body: "hi {{first_name}}" },
    });
    const ctx = contextOf(org.id);
    const workflow = await createWorkflow(ctx, { name: "Collections", definition: collectionsDefinition(org.agent.id, template.id) });
    expect(await db.workflowVersion.count({ where: { workflowId: workflow.id } })).toBe(1);
    const wa = await db.messageTemplate.create({
      data: { organizationId: org.id, name: `Hello ${org.suffix}`, channel: "whatsapp", body: "hi" },
    });
    await expect(parseDefinition(org.id, leadNurture(org.agent.id, wa.id))).resolves.toMatchObject({
      steps: [{ id: "hello" }, {}, {}, {}, {}, {}, {}],
    });
    const campaign = await createCallsCampaign(org.id, "emi", { workflowId: workflow.id });
    await expect(deleteWorkflow(ctx, workflow.id)).rejects.toThrow(`Cannot delete: Workflow is used by campaign(s): ${campaign.name}`);
    await expect(
      createWorkflow(ctx, { name: "Collections", definition: collectionsDefinition(org.agent.id, template.id) }),
    ).rejects.toThrow('A workflow named "Collections" already exists');
  });
});
