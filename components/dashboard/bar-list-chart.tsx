"use client";

import { Bar, BarChart, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

// A horizontal bar per item (the disposition breakdown, the funnel). The figures themselves are
// also listed as links next to the chart, so the chart only draws.

export function BarListChart({ items, colors }: { items: { label: string; count: number }[]; colors?: string[] }) {
  return (
    <ResponsiveContainer width="100%" height={Math.max(120, items.length * 34)}>
      <BarChart data={items} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 0 }}>
        <XAxis type="number" allowDecimals={false} fontSize={12} />
        <YAxis type="category" dataKey="label" width={110} fontSize={12} />
        <Tooltip />
        <Bar dataKey="count" isAnimationActive={false}>
          {items.map((item, i) => (
            <Cell key={item.label} fill={colors?.[i % colors.length] ?? "#2563eb"} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
