// Ready-made workflow definitions (for the demo data and as starting points for an editor).
// Both pass the shared definition schema once the agent and template ids are filled in.

/** Call; no answer → wait 2 h and call again, then give up; a promise to pay → store the date, remind by SMS the day before. */
export function collectionsFollowUp(agentId: string, smsTemplateId: string) {
  return {
    steps: [
      { id: "call1", type: "call", agentId },
      { id: "check1", type: "branch", rules: [{ when: { status: "Contacted" }, goto: "ptp" }] },
      { id: "wait2h", type: "wait", minutes: 120 },
      { id: "call2", type: "call", agentId },
      { id: "check2", type: "branch", rules: [{ when: { status: "Contacted" }, goto: "ptp" }], otherwise: "give-up" },
      { id: "give-up", type: "stop", outcome: "no_contact" },
      { id: "ptp", type: "update", field: "promise_to_pay_date", fromExtracted: "promise_to_pay_date" },
      { id: "wait-ptp", type: "wait", untilField: { field: "promise_to_pay_date", offsetDays: -1, atTime: "10:00" } },
      { id: "remind", type: "sms", templateId: smsTemplateId },
    ],
  };
}

/** WhatsApp first, a call the next morning, a second call two days later unless someone answered. */
export function leadNurture(agentId: string, whatsappTemplateId: string) {
  return {
    steps: [
      { id: "hello", type: "whatsapp", templateId: whatsappTemplateId },
      { id: "next-morning", type: "wait", untilTime: "10:30" },
      { id: "call1", type: "call", agentId },
      { id: "answered", type: "branch", rules: [{ when: { status: "Contacted" }, goto: "done" }] },
      { id: "two-days", type: "wait", minutes: 2 * 24 * 60 },
      { id: "call2", type: "call", agentId },
      { id: "done", type: "stop", outcome: "nurtured" },
    ],
  };
}
