"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="auth-page">
      <div className="card auth-card" role="alert">
        <h1>Something went wrong</h1>
        <p className="muted">
          The page could not be shown{error.digest ? ` (reference ${error.digest})` : ""}. Nothing you submitted was lost; try again.
        </p>
        <button type="button" className="btn btn-primary" onClick={reset}>
          Try again
        </button>
      </div>
    </main>
  );
}
