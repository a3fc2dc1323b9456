/** Pure helpers for the service-order dashboard. */
export interface StatusChange {
  orderId: string;
  status: string;
  at: number;
}

/**
 * Average minutes an order spends in each status: each change opens a period that the next
 * change closes; an order still open counts up to `now`.
 */
export function averageTimeInStatus(
  changes: StatusChange[],
  now: number,
): Record<string, { avgMinutes: number; samples: number }> {
  const byOrder = new Map<string, StatusChange[]>();
  for (const c of changes) byOrder.set(c.orderId, [...(byOrder.get(c.orderId) ?? []), c]);
  const totals = new Map<string, { sum: number; n: number }>();
  for (const list of byOrder.values()) {
    list.sort((a, b) => a.at - b.at);
    list.forEach((c, i) => {
      if (c.status === "completed" || c.status === "canceled") return;
      const end = list[i + 1]?.at ?? now;
      const t = totals.get(c.status) ?? { sum: 0, n: 0 };
      t.sum += end - c.at;
      t.n += 1;
      totals.set(c.status, t);
    });
  }
  return Object.fromEntries(
    [...totals.entries()].map(([status, t]) => [
      status,
      { avgMinutes: Math.round(t.sum / t.n / 60_000), samples: t.n },
    ]),
  );
}

/** How completion compared with the estimate: average lateness (negative = early) and share on time. */
export function estimateAccuracy(completed: { estimatedAt: number; completedAt: number }[]) {
  if (completed.length === 0) return { count: 0, onTimeShare: null, avgLatenessMinutes: null };
  const lateness = completed.map((c) => c.completedAt - c.estimatedAt);
  return {
    count: completed.length,
    onTimeShare: lateness.filter((l) => l <= 0).length / completed.length,
    avgLatenessMinutes: Math.round(lateness.reduce((s, l) => s + l, 0) / completed.length / 60_000),
  };
}
