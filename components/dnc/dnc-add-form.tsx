"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { addDncSchema } from "@/lib/dnc/dnc-input";
import { fieldOf, sendDnc } from "@/components/dnc/dnc-api";

// Add one number with the route's own zod schema; the server's phone check and its duplicate
// answer land at the number field.

type Input = z.input<typeof addDncSchema>;
type Output = z.output<typeof addDncSchema>;
type Option = { id: string; name: string };

export function DncAddForm({ campaigns, onDone }: { campaigns: Option[]; onDone: (message: string) => void }) {
  const router = useRouter();
  const { register, handleSubmit, setError, formState, setValue } = useForm<Input, unknown, Output>({
    resolver: zodResolver(addDncSchema),
    defaultValues: { number: "", campaignId: null, reason: "" },
  });
  const { errors, isSubmitting } = formState;
  const submit = async (values: Output) => {
    const sent = await sendDnc<{ entry: { phoneE164: string } }>("POST", "/api/dnc", values);
    if (sent.ok) {
      onDone(`${sent.body.entry.phoneE164} is on the list.`);
      router.refresh();
      return;
    }
    let placed = false;
    for (const line of sent.errors) {
      const field = fieldOf(line);
      if (field && (field[0] === "number" || field[0] === "reason" || field[0] === "campaignId")) {
        setError(field[0] as keyof Input, { type: "server", message: field[1] });
        placed = true;
      }
    }
    if (!placed) setError("root", { type: "server", message: sent.message });
  };
  const err = (message?: string) => (message ? <span className="field-error small">{message}</span> : null);

  return (
    <form className="card" onSubmit={handleSubmit(submit)} noValidate aria-label="Add a number">
      <h2>Add a number</h2>
      <div className="form-grid">
        <label className="field">
          <span>Phone number</span>
          <input
            inputMode="tel"
            autoComplete="off"
            placeholder="98765 43210 or +91 98765 43210"
            aria-invalid={errors.number ? true : undefined}
            {...register("number")}
          />
          {err(errors.number?.message)}
        </label>
        <label className="field">
          <span>List</span>
          <select
            aria-invalid={errors.campaignId ? true : undefined}
            defaultValue=""
            onChange={(e) => setValue("campaignId", e.target.value === "" ? null : e.target.value)}
          >
            <option value="">Global: never called by any campaign</option>
            {campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                Only {c.name}
              </option>
            ))}
          </select>
          {err(errors.campaignId?.message)}
        </label>
        <label className="field">
          <span>Reason (optional)</span>
          <input placeholder="e.g. asked not to be called" aria-invalid={errors.reason ? true : undefined} {...register("reason")} />
          {err(errors.reason?.message)}
        </label>
      </div>
      {errors.root?.message && (
        <div role="alert" className="alert alert-error">
          {errors.root.message}
        </div>
      )}
      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {isSubmitting ? "Adding…" : "Add to the list"}
        </button>
        <button type="button" className="btn" onClick={() => onDone("")}>
          Cancel
        </button>
      </div>
    </form>
  );
}
