"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { acceptInvitationAction } from "@/lib/auth/team-actions";

// The invitee's first visit: name and password (checked again on the server), then in.

const schema = z
  .object({
    name: z.string().trim().min(1, "Enter your name").max(100, "Keep your name under 100 characters"),
    password: z.string().min(8, "Use at least 8 characters").max(128, "Keep the password under 128 characters"),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords differ" });
type Values = z.infer<typeof schema>;

type Props = { invitationId: string; email: string; role: string; organizationName: string };

export function InviteAcceptForm({ invitationId, email, role, organizationName }: Props) {
  const router = useRouter();
  const [serverError, setServerError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError } = useForm<Values>({ resolver: zodResolver(schema) });
  const onSubmit = handleSubmit(async (values) => {
    setServerError(null);
    const answer = await acceptInvitationAction(invitationId, { name: values.name, password: values.password });
    if (answer.error) {
      if (answer.field) setError(answer.field, { message: answer.error });
      else setServerError(answer.error);
      return;
    }
    router.replace("/");
    router.refresh();
  });
  return (
    <form className="card auth-card" onSubmit={onSubmit} noValidate aria-labelledby="invite-title">
      <div className="brand brand-lg">
        <span className="brand-mark" aria-hidden>
          ◧
        </span>{" "}
        Dialsheet
      </div>
      <h1 id="invite-title">Join {organizationName}</h1>
      <p className="muted">
        You were invited as <strong>{role}</strong>. Choose your name and a password to sign in with <strong>{email}</strong>.
      </p>
      {serverError && (
        <div role="alert" className="alert alert-error">
          {serverError}
        </div>
      )}
      <label className="field">
        <span>Your name</span>
        <input autoComplete="name" autoFocus {...register("name")} aria-invalid={!!formState.errors.name} />
        {formState.errors.name && <small className="field-error">{formState.errors.name.message}</small>}
      </label>
      <label className="field">
        <span>Password</span>
        <input type="password" autoComplete="new-password" {...register("password")} aria-invalid={!!formState.errors.password} />
        {formState.errors.password && <small className="field-error">{formState.errors.password.message}</small>}
      </label>
      <label className="field">
        <span>Password again</span>
        <input type="password" autoComplete="new-password" {...register("confirm")} aria-invalid={!!formState.errors.confirm} />
        {formState.errors.confirm && <small className="field-error">{formState.errors.confirm.message}</small>}
      </label>
      <button type="submit" className="btn btn-primary btn-block" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Joining…" : "Set password and join"}
      </button>
    </form>
  );
}
