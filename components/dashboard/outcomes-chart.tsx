"use client";

import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { OutcomesDay } from "@/lib/dashboard/campaign-charts";

// Results per day, stacked by outcome. A bar opens that day's calls of that outcome on the Calls page.

export const OUTCOME_COLORS = { Contacted: "#1f9d55", "No Contact": "#d97706", Failed: "#dc2626" } as const;

export function OutcomesChart({ campaignId, days }: { campaignId: string; days: OutcomesDay[] }) {
  const router = useRouter();
  const open = (status: string) => (entry: { payload?: OutcomesDay }) => {
    const day = entry.payload?.day;
    if (day) router.push(`/calls?campaign=${encodeURIComponent(campaignId)}&status=${encodeURIComponent(status)}&from=${day}&to=${day}`);
  };
  return (
    <ResponsiveContainer width="100%" height={240}>
      <BarChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="day" tickFormatter={(d: string) => d.slice(5)} fontSize={12} />
        <YAxis allowDecimals={false} fontSize={12} />
        <Tooltip />
        <Legend />
        {(Object.keys(OUTCOME_COLORS) as (keyof typeof OUTCOME_COLORS)[]).map((k) => (
          <Bar key={k} dataKey={k} stackId="o" fill={OUTCOME_COLORS[k]} cursor="pointer" onClick={open(k)} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
