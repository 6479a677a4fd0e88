import { db } from "@/lib/db/client";
import type { WorkflowDefinition } from "@/lib/workflows/definition";

// A definition may only name the organization's own agents, dispositions, disposition groups and
// message templates (of the step's channel). Returns one line per problem, naming the step and
// the missing reference; an empty list means the definition can be stored.

export async function checkReferences(organizationId: string, def: WorkflowDefinition): Promise<string[]> {
  const agents = new Set<string>();
  const dispositions = new Set<string>();
  const templates = new Set<string>();
  const groups = new Set<string>();
  for (const step of def.steps) {
    if (step.type === "call") {
      agents.add(step.agentId);
      if (step.dispositionId) dispositions.add(step.dispositionId);
    }
    if (step.type === "sms" || step.type === "whatsapp") templates.add(step.templateId);
    if (step.type === "branch") for (const rule of step.rules) if ("dispositionGroup" in rule.when) groups.add(rule.when.dispositionGroup);
  }
  const [foundAgents, foundDispositions, foundTemplates, foundGroups] = await Promise.all([
    db.agent.findMany({ where: { organizationId, id: { in: [...agents] } }, select: { id: true, active: true } }),
    db.disposition.findMany({ where: { organizationId, id: { in: [...dispositions] } }, select: { id: true } }),
    db.messageTemplate.findMany({ where: { organizationId, id: { in: [...templates] } }, select: { id: true, channel: true } }),
    db.dispositionGroup.findMany({ where: { organizationId, name: { in: [...groups] } }, select: { name: true } }),
  ]);
  const agentById = new Map(foundAgents.map((a) => [a.id, a]));
  const dispositionIds = new Set(foundDispositions.map((d) => d.id));
  const templateById = new Map(foundTemplates.map((t) => [t.id, t]));
  const groupNames = new Set(foundGroups.map((g) => g.name));

  const problems: string[] = [];
  def.steps.forEach((step, i) => {
    const at = `steps[${i}] ("${step.id}")`;
    if (step.type === "call") {
      const agent = agentById.get(step.agentId);
      if (!agent) problems.push(`${at}: agent "${step.agentId}" does not exist in your organization`);
      else if (!agent.active) problems.push(`${at}: agent "${step.agentId}" is inactive`);
      if (step.dispositionId && !dispositionIds.has(step.dispositionId))
        problems.push(`${at}: disposition "${step.dispositionId}" does not exist in your organization`);
    }
    if (step.type === "sms" || step.type === "whatsapp") {
      const template = templateById.get(step.templateId);
      if (!template) problems.push(`${at}: template "${step.templateId}" does not exist in your organization`);
      else if (template.channel !== step.type)
        problems.push(`${at}: template "${step.templateId}" is a ${template.channel} template, not ${step.type}`);
    }
    if (step.type === "branch") {
      for (const rule of step.rules) {
        if ("dispositionGroup" in rule.when && !groupNames.has(rule.when.dispositionGroup)) {
          problems.push(`${at}: disposition group "${rule.when.dispositionGroup}" does not exist in your organization`);
        }
      }
    }
  });
  return problems;
}
