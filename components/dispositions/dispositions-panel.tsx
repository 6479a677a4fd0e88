"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { createDispositionBody } from "@/lib/timepay/disposition-bodies";
import { sendForm } from "@/components/ui/send-form";

// Dispositions (call outcomes an agent records), through TimePay's dispositions API and its rules:
// unique names, priority 0–1000, and no deleting one that a group still uses.

export type DispositionRow = { id: string; name: string; description: string; priority: number; groups: string[] };
type Input = z.input<typeof createDispositionBody>;
type Output = z.output<typeof createDispositionBody>;
const FIELDS = ["name", "description", "priority"];

export function DispositionsPanel({ dispositions, canWrite }: { dispositions: DispositionRow[]; canWrite: boolean }) {
  const router = useRouter();
  const [editing, setEditing] = useState<DispositionRow | "new" | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const remove = async (d: DispositionRow) => {
    const response = await fetch(`/api/v1/dispositions/${d.id}`, { method: "DELETE" }).catch(() => null);
    const json = (await response?.json().catch(() => null)) as { message?: string } | null;
    setProblem(response?.ok ? null : (json?.message ?? "Could not reach the server; check your connection and try again"));
    if (response?.ok) router.refresh();
  };

  return (
    <section className="card table-card" aria-labelledby="dispositions-title">
      <div className="card-pad">
        <h2 id="dispositions-title">Dispositions</h2>
        <p className="muted small">The outcomes an agent records for a call; lower priority numbers come first.</p>
        {canWrite && editing === null && (
          <button type="button" className="btn btn-primary" onClick={() => setEditing("new")}>
            New disposition
          </button>
        )}
        {editing !== null && (
          <DispositionForm
            key={editing === "new" ? "new" : editing.id}
            disposition={editing === "new" ? undefined : editing}
            onDone={() => setEditing(null)}
          />
        )}
        {problem && (
          <div role="alert" className="alert alert-error">
            {problem}
          </div>
        )}
      </div>
      {dispositions.length === 0 ? (
        <p className="muted card-pad">
          No dispositions yet. A disposition names how a call ended (Promise to Pay, Call Back…); calls name one by its id (TimePay{" "}
          <code>dispositionId</code>). {canWrite ? "Add the first with “New disposition”." : "An operator or admin adds them."}
        </p>
      ) : (
        <table className="table" aria-label="Dispositions">
          <thead>
            <tr>
              <th>Name</th>
              <th className="num">Priority</th>
              <th>Groups</th>
              {canWrite && <th aria-label="Actions" />}
            </tr>
          </thead>
          <tbody>
            {dispositions.map((d) => (
              <tr key={d.id}>
                <td>
                  {d.name}
                  <div className="muted small">{d.description}</div>
                </td>
                <td className="num">{d.priority}</td>
                <td>{d.groups.join(", ") || <span className="muted">—</span>}</td>
                {canWrite && (
                  <td className="actions">
                    <button type="button" className="btn btn-sm" onClick={() => setEditing(d)} aria-label={`Edit ${d.name}`}>
                      Edit
                    </button>{" "}
                    <button type="button" className="btn btn-sm btn-danger" onClick={() => remove(d)} aria-label={`Delete ${d.name}`}>
                      Delete
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function DispositionForm({ disposition, onDone }: { disposition?: DispositionRow; onDone: () => void }) {
  const router = useRouter();
  const { register, handleSubmit, setError, formState } = useForm<Input, unknown, Output>({
    resolver: zodResolver(createDispositionBody),
    defaultValues: disposition
      ? { name: disposition.name, description: disposition.description, priority: disposition.priority }
      : { name: "", description: "", priority: 500 },
    mode: "onTouched",
  });
  const { errors, isSubmitting } = formState;
  const submit = async (values: Output) => {
    const answer = await sendForm(
      disposition ? "PUT" : "POST",
      disposition ? `/api/v1/dispositions/${disposition.id}` : "/api/v1/dispositions",
      values,
      FIELDS,
      setError,
    );
    if (answer.ok) {
      onDone();
      router.refresh();
    }
  };
  return (
    <form
      className="settings-form"
      onSubmit={handleSubmit(submit)}
      noValidate
      aria-label={disposition ? `Edit ${disposition.name}` : "New disposition"}
    >
      <div className="form-grid">
        <label className="field">
          <span>Name</span>
          <input aria-invalid={errors.name ? true : undefined} {...register("name")} />
          {errors.name && <span className="field-error small">{errors.name.message}</span>}
        </label>
        <label className="field">
          <span>Priority (0–1000)</span>
          <input
            type="number"
            aria-invalid={errors.priority ? true : undefined}
            {...register("priority", { setValueAs: (v) => (v === "" ? undefined : Number(v)) })}
          />
          {errors.priority && <span className="field-error small">{errors.priority.message}</span>}
        </label>
      </div>
      <label className="field">
        <span>Description</span>
        <input {...register("description")} />
        {errors.description && <span className="field-error small">{errors.description.message}</span>}
      </label>
      {errors.root && (
        <div role="alert" className="alert alert-error">
          {errors.root.message}
        </div>
      )}
      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {disposition ? "Save disposition" : "Add disposition"}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
