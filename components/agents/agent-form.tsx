"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { Controller, useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { createAgentSchema } from "@/lib/agents/agent-input";
import { LANGUAGES } from "@/lib/campaigns/field-schema";
import { sendAgent } from "@/components/agents/agent-api";
import { type FieldKey, VariablesInput } from "@/components/agents/variables-input";

// Add or edit an agent with the route's own zod schema; server errors land at their field.

type Input = z.input<typeof createAgentSchema>;
type Output = z.output<typeof createAgentSchema>;
export type AgentRow = {
  id: string;
  name: string;
  kind: "ai" | "human";
  username: string;
  voice: string | null;
  language: string | null;
  active: boolean;
  variables: string[];
};

export function AgentForm({ agent, fieldKeys, onDone }: { agent?: AgentRow; fieldKeys: FieldKey[]; onDone: () => void }) {
  const router = useRouter();
  const { register, handleSubmit, control, setError, formState } = useForm<Input, unknown, Output>({
    resolver: zodResolver(createAgentSchema),
    defaultValues: agent
      ? {
          name: agent.name,
          kind: agent.kind,
          username: agent.username,
          voice: agent.voice ?? "",
          language: (agent.language as Input["language"]) ?? null,
          variables: agent.variables,
        }
      : { name: "", kind: "ai", username: "", voice: "", language: null, variables: [] },
    mode: "onTouched",
  });
  const kind = useWatch({ control, name: "kind" });
  const { errors, isSubmitting } = formState;
  const submit = async (values: Output) => {
    const problem = await sendAgent(agent ? "PATCH" : "POST", agent ? `/api/agents/${agent.id}` : "/api/agents", values, setError);
    if (problem === null) {
      onDone();
      router.refresh();
    }
  };
  const err = (message?: string) => (message ? <span className="field-error small">{message}</span> : null);

  return (
    <form className="card" onSubmit={handleSubmit(submit)} noValidate aria-label={agent ? `Edit ${agent.name}` : "New agent"}>
      <h2>{agent ? `Edit ${agent.name}` : "New agent"}</h2>
      <fieldset className="choice-row">
        <legend>Kind</legend>
        <label className="check-field">
          <input type="radio" value="ai" {...register("kind")} /> AI voice agent
        </label>
        <label className="check-field">
          <input type="radio" value="human" {...register("kind")} /> Human dialer user
        </label>
      </fieldset>
      <div className="form-grid">
        <label className="field">
          <span>Name</span>
          <input aria-invalid={errors.name ? true : undefined} {...register("name")} />
          {err(errors.name?.message)}
        </label>
        <label className="field">
          <span>
            Username (Flexydial <code>user</code>)
          </span>
          <input className="mono" aria-invalid={errors.username ? true : undefined} {...register("username")} />
          {err(errors.username?.message)}
        </label>
        {kind === "ai" && (
          <>
            <label className="field">
              <span>Voice</span>
              <input placeholder="e.g. aditi" {...register("voice")} />
              {err(errors.voice?.message)}
            </label>
            <label className="field">
              <span>Language</span>
              <select {...register("language", { setValueAs: (v) => v || null })}>
                <option value="">Any</option>
                {LANGUAGES.map((l) => (
                  <option key={l} value={l}>
                    {l}
                  </option>
                ))}
              </select>
              {err(errors.language?.message)}
            </label>
          </>
        )}
      </div>
      {kind === "ai" && (
        <Controller
          control={control}
          name="variables"
          render={({ field, fieldState }) => (
            <VariablesInput
              value={field.value ?? []}
              onChange={field.onChange}
              fieldKeys={fieldKeys}
              error={fieldState.error?.message ?? firstItemError(fieldState.error)}
            />
          )}
        />
      )}
      {errors.root && (
        <div role="alert" className="alert alert-error">
          {errors.root.message}
        </div>
      )}
      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {agent ? "Save agent" : "Add agent"}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** A key's own message (zod reports array items at variables.N). */
function firstItemError(error: unknown): string | undefined {
  if (!error || typeof error !== "object") return undefined;
  for (const item of Object.values(error)) {
    const message = (item as { message?: unknown } | null)?.message;
    if (typeof message === "string") return message;
  }
  return undefined;
}
