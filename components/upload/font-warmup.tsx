"use client";

import { useEffect, useState } from "react";

// The first time the page draws a font family, weight, size or symbol, Chromium looks the font
// up; on Linux each lookup is a round trip to the browser process, 5–35 ms while the CPU is busy.
// The later steps draw many new ones at once (the values step, the review's figures and grid)
// while the worker validates, which made single layouts of over 100 ms. So, while the operator is
// still choosing a file, this draws the text styles of those steps once, out of sight, and
// removes itself two frames later: the font cache keeps what it found.

const SAMPLE = "Aa 0123456789 ✓ ✕ ⚠ → • “” … — ₹";
const CLASSES = ["", "mono", "sample", "small", "muted", "badge", "rg-th", "rg-value", "rg-blank", "rg-msg", "rg-fields", "rg-rownum"];

export function FontWarmup() {
  const [phase, setPhase] = useState<"waiting" | "drawing" | "done">("waiting");
  useEffect(() => {
    if (phase === "waiting") {
      const draw = () => setPhase("drawing");
      if (typeof requestIdleCallback === "function") {
        const id = requestIdleCallback(draw, { timeout: 1000 });
        return () => cancelIdleCallback(id);
      }
      const id = setTimeout(draw, 200);
      return () => clearTimeout(id);
    }
    if (phase === "drawing") {
      let frame = requestAnimationFrame(() => {
        frame = requestAnimationFrame(() => setPhase("done"));
      });
      return () => cancelAnimationFrame(frame);
    }
  }, [phase]);
  if (phase !== "drawing") return null;
  return (
    <div className="font-warmup" aria-hidden="true">
      {CLASSES.map((name) => (
        <span key={name} className={name}>
          {SAMPLE}
        </span>
      ))}
      <strong>{SAMPLE}</strong>
      <section className="card step-card">
        <h2>{SAMPLE}</h2>
        <h3>{SAMPLE}</h3>
      </section>
      <dl className="figure">
        <dt>{SAMPLE}</dt>
        <dd>{SAMPLE}</dd>
      </dl>
    </div>
  );
}
