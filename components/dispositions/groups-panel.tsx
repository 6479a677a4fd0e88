"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { createGroupBody } from "@/lib/timepay/disposition-bodies";
import { sendForm } from "@/components/ui/send-form";
import type { DispositionRow } from "@/components/dispositions/dispositions-panel";

// Disposition groups and their members, through TimePay's groups API (unique names; members must
// be dispositions of the organization). Saving an edit replaces the member list.

export type GroupRow = { id: string; name: string; description: string; members: { id: string; name: string }[] };
type Input = z.input<typeof createGroupBody>;
type Output = z.output<typeof createGroupBody>;
const FIELDS = ["name", "description", "dispositions"];

export function GroupsPanel({ groups, dispositions, canWrite }: { groups: GroupRow[]; dispositions: DispositionRow[]; canWrite: boolean }) {
  const router = useRouter();
  const [editing, setEditing] = useState<GroupRow | "new" | null>(null);
  const remove = async (g: GroupRow) => {
    if ((await fetch(`/api/v1/dispositions/groups/${g.id}`, { method: "DELETE" }).catch(() => null))?.ok) router.refresh();
  };

  return (
    <section className="card table-card" aria-labelledby="groups-title">
      <div className="card-pad">
        <h2 id="groups-title">Disposition groups</h2>
        <p className="muted small">Sets of dispositions offered together to an agent.</p>
        {canWrite && editing === null && (
          <button type="button" className="btn btn-primary" onClick={() => setEditing("new")}>
            New group
          </button>
        )}
        {editing !== null && (
          <GroupForm
            key={editing === "new" ? "new" : editing.id}
            group={editing === "new" ? undefined : editing}
            dispositions={dispositions}
            onDone={() => setEditing(null)}
          />
        )}
      </div>
      {groups.length === 0 ? (
        <p className="muted card-pad">
          No groups yet. A group bundles dispositions (say, every “reached” outcome) so reports and rules can name them together.{" "}
          {canWrite ? "Make one with “New group”." : "An operator or admin makes them."}
        </p>
      ) : (
        <table className="table" aria-label="Disposition groups">
          <thead>
            <tr>
              <th>Name</th>
              <th>Members</th>
              {canWrite && <th aria-label="Actions" />}
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.id}>
                <td>
                  {g.name}
                  <div className="muted small">{g.description}</div>
                </td>
                <td>{g.members.map((m) => m.name).join(", ") || <span className="muted">—</span>}</td>
                {canWrite && (
                  <td className="actions">
                    <button type="button" className="btn btn-sm" onClick={() => setEditing(g)} aria-label={`Edit group ${g.name}`}>
                      Edit
                    </button>{" "}
                    <button type="button" className="btn btn-sm btn-danger" onClick={() => remove(g)} aria-label={`Delete group ${g.name}`}>
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

function GroupForm({ group, dispositions, onDone }: { group?: GroupRow; dispositions: DispositionRow[]; onDone: () => void }) {
  const router = useRouter();
  const { register, handleSubmit, setError, formState } = useForm<Input, unknown, Output>({
    resolver: zodResolver(createGroupBody),
    defaultValues: group
      ? { name: group.name, description: group.description, dispositions: group.members.map((m) => m.id) }
      : { name: "", description: "", dispositions: [] },
    mode: "onTouched",
  });
  const { errors, isSubmitting } = formState;
  const submit = async (values: Output) => {
    const body = { ...values, dispositions: values.dispositions ?? [] };
    const answer = await sendForm(
      group ? "PUT" : "POST",
      group ? `/api/v1/dispositions/groups/${group.id}` : "/api/v1/dispositions/groups/create",
      body,
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
      aria-label={group ? `Edit group ${group.name}` : "New group"}
    >
      <label className="field">
        <span>Group name</span>
        <input aria-invalid={errors.name ? true : undefined} {...register("name")} />
        {errors.name && <span className="field-error small">{errors.name.message}</span>}
      </label>
      <label className="field">
        <span>Group description</span>
        <input {...register("description")} />
      </label>
      <fieldset className="choice-row language-choices">
        <legend>Members</legend>
        {dispositions.map((d) => (
          <label key={d.id} className="check-field">
            <input type="checkbox" value={d.id} {...register("dispositions")} /> {d.name}
          </label>
        ))}
      </fieldset>
      {errors.dispositions && <p className="field-error small">{errors.dispositions.message}</p>}
      {errors.root && (
        <div role="alert" className="alert alert-error">
          {errors.root.message}
        </div>
      )}
      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {group ? "Save group" : "Add group"}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
