"use client";

import { useState } from "react";
import type { TestCallReport } from "@/lib/calls/test-call";
import { apiRequest } from "@/components/settings/api-request";

// "Send a test call": one attempt through the saved dialer settings, and what it answered.

export function TestCallForm() {
  const [phone, setPhone] = useState("");
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<TestCallReport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const send = async () => {
    setBusy(true);
    setProblem(null);
    setReport(null);
    const answer = await apiRequest<{ testCall: TestCallReport }>("POST", "/api/settings/calls/test-call", { phone });
    setBusy(false);
    if (answer.ok) setReport(answer.data.testCall);
    else setProblem([answer.message, ...answer.errors].join(": "));
  };

  return (
    <form
      className="settings-form test-call"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <h3 className="subheading flush">Send a test call</h3>
      <p className="muted small">
        Uses the saved settings above. The HTTP dialer really sends the attempt to your provider; the simulated dialer shows the result it
        would report.
      </p>
      <div className="inline-form">
        <label className="field inline">
          <span>Phone number</span>
          <input type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} placeholder="9876543210" required />
        </label>
        <button type="submit" className="btn" disabled={busy}>
          {busy ? "Calling…" : "Send a test call"}
        </button>
      </div>
      {problem && (
        <div role="alert" className="alert alert-error">
          {problem}
        </div>
      )}
      {report && (
        <div role="status" className={`alert ${report.accepted ? "alert-success" : "alert-error"}`}>
          {report.accepted
            ? report.dialer === "http"
              ? `The provider accepted the call to ${report.to} from ${report.from} in ${report.durationMs} ms (provider call id ${report.providerCallId}).`
              : `The simulated dialer accepted the call to ${report.to} from ${report.from} (call id ${report.providerCallId}).`
            : `The call to ${report.to} was not placed: ${report.error}.`}
          {report.simulatedResult && (
            <div className="small">
              It will report <strong>{report.simulatedResult.status}</strong> · {report.simulatedResult.disposition} ·{" "}
              {report.simulatedResult.duration} s — “{report.simulatedResult.summary}”
            </div>
          )}
        </div>
      )}
    </form>
  );
}
