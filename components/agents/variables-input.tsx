"use client";

import { useId, useState } from "react";
import { AGENT_VARIABLE_KEY, MAX_AGENT_VARIABLES } from "@/lib/agents/agent-variables";

// An AI agent's variables as chips: type a field key and press Enter or a comma (a pasted
// "a, b, c" adds each). Keys are checked as typed: a key that is not a field key is refused with
// the reason; one that no campaign has is kept but flagged (calls with it are refused until a
// campaign has the field).

export type FieldKey = { key: string; campaigns: string[] };

export function VariablesInput({
  value,
  onChange,
  fieldKeys,
  error,
}: {
  value: string[];
  onChange: (next: string[]) => void;
  fieldKeys: FieldKey[];
  error?: string;
}) {
  const id = useId();
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const known = new Map(fieldKeys.map((f) => [f.key, f.campaigns]));

  const add = (raw: string) => {
    const keys = raw
      .split(",")
      .map((k) => k.trim())
      .filter(Boolean);
    const bad = keys.find((k) => !AGENT_VARIABLE_KEY.test(k));
    if (bad) {
      setProblem(`${bad} is not a field key: letters, digits and _ (a CRM key as section:field)`);
      return;
    }
    const next = [...new Set([...value, ...keys])];
    if (next.length > MAX_AGENT_VARIABLES) {
      setProblem(`At most ${MAX_AGENT_VARIABLES} variables`);
      return;
    }
    setProblem(null);
    setText("");
    if (next.length !== value.length) onChange(next);
  };
  const unknown = value.filter((k) => !known.has(k));
  const message = problem ?? error;

  return (
    <div className="field variables-field">
      <label htmlFor={id}>Variables</label>
      <p className="muted small" id={`${id}-hint`}>
        The customer fields the agent's script uses (its placeholders). Calls with this agent need a campaign with every one of these
        fields, and skip customers whose value is empty.
      </p>
      {value.length > 0 && (
        <ul className="chip-list" aria-label="Variables of the agent">
          {value.map((key) => (
            <li
              key={key}
              className={known.has(key) ? "chip" : "chip chip-warning"}
              title={known.has(key) ? `In ${known.get(key)!.join(", ")}` : "No campaign has this field"}
            >
              <code>{key}</code>
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove variable ${key}`}
                onClick={() => onChange(value.filter((k) => k !== key))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={id}
        className="mono"
        list={`${id}-keys`}
        value={text}
        placeholder="e.g. first_name, emi_due_date"
        aria-describedby={`${id}-hint`}
        aria-invalid={message ? true : undefined}
        onChange={(e) => {
          const next = e.target.value;
          if (next.includes(",")) add(next);
          else setText(next);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            add(text);
          } else if (e.key === "Backspace" && text === "" && value.length > 0) onChange(value.slice(0, -1));
        }}
        onBlur={() => text.trim() && add(text)}
      />
      <datalist id={`${id}-keys`}>
        {fieldKeys
          .filter((f) => !value.includes(f.key))
          .map((f) => (
            <option key={f.key} value={f.key}>
              {f.campaigns.join(", ")}
            </option>
          ))}
      </datalist>
      {message && <span className="field-error small">{message}</span>}
      {unknown.length > 0 && (
        <span className="muted small" role="status">
          No campaign has {unknown.length === 1 ? "the field" : "the fields"} {unknown.join(", ")}: calls with this agent are refused until
          one does.
        </span>
      )}
    </div>
  );
}
