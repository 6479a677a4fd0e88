import Link from "next/link";

export default function NotFound() {
  return (
    <main className="auth-page">
      <div className="card auth-card">
        <h1>Not found</h1>
        <p className="muted">This page does not exist, or it belongs to another organization.</p>
        <Link href="/campaigns" className="btn">
          Back to campaigns
        </Link>
      </div>
    </main>
  );
}
