"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { authClient } from "@/lib/auth/auth-client";

const signInSchema = z.object({
  email: z.string().trim().email("Enter the email address you sign in with"),
  password: z.string().min(1, "Enter your password"),
});
type SignInValues = z.infer<typeof signInSchema>;

export function SignInForm() {
  const router = useRouter();
  const [serverError, setServerError] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<SignInValues>({ resolver: zodResolver(signInSchema) });

  const onSubmit = handleSubmit(async (values) => {
    setServerError(null);
    const { error } = await authClient.signIn.email({ email: values.email, password: values.password });
    if (error) {
      setServerError(error.message ?? "Sign-in failed");
      return;
    }
    router.replace("/campaigns");
    router.refresh();
  });

  return (
    <main className="auth-page">
      <form className="card auth-card" onSubmit={onSubmit} noValidate aria-labelledby="sign-in-title">
        <div className="brand brand-lg">
          <span className="brand-mark" aria-hidden>
            ◧
          </span>{" "}
          Dialsheet
        </div>
        <h1 id="sign-in-title">Sign in</h1>
        <p className="muted">Load contacts into your calling campaigns.</p>
        {serverError && (
          <div role="alert" className="alert alert-error">
            {serverError}
          </div>
        )}
        <label className="field">
          <span>Email</span>
          <input type="email" autoComplete="username" autoFocus {...register("email")} aria-invalid={!!formState.errors.email} />
          {formState.errors.email && <small className="field-error">{formState.errors.email.message}</small>}
        </label>
        <label className="field">
          <span>Password</span>
          <input type="password" autoComplete="current-password" {...register("password")} aria-invalid={!!formState.errors.password} />
          {formState.errors.password && <small className="field-error">{formState.errors.password.message}</small>}
        </label>
        <button type="submit" className="btn btn-primary btn-block" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </main>
  );
}
