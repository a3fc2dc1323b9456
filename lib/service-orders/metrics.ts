/** Pure helpers for the service-order dashboard. */
export interface StatusChange {
  orderId: string;
  status: string;
  at: number;
}

/** The measured span: [start, end], usually the last 30 days up to now. */
export interface TimeWindow {
  start: number;
  end: number;
}

const minutes = (ms: number) => Math.round(ms / 60_000);

/**
 * Average minutes an order spends in each status within the window: each change opens a period
 * that the next change closes (an order still open counts up to the window's end), and only the
 * part of a period inside the window counts, so a long-past period does not swell the figure and a
 * period that began before the window is not dropped. Periods entirely outside the window are no
 * samples.
 */
export function averageTimeInStatus(
  changes: StatusChange[],
  window: TimeWindow,
): Record<string, { avgMinutes: number; samples: number }> {
  const byOrder = new Map<string, StatusChange[]>();
  for (const c of changes) {
    const list = byOrder.get(c.orderId);
    if (list) list.push(c);
    else byOrder.set(c.orderId, [c]);
  }
  const totals = new Map<string, { sum: number; n: number }>();
  for (const list of byOrder.values()) {
    list.sort((a, b) => a.at - b.at);
    list.forEach((c, i) => {
      if (c.status === "completed" || c.status === "canceled") return;
      const from = Math.max(c.at, window.start);
      const to = Math.min(list[i + 1]?.at ?? window.end, window.end);
      if (to <= from) return;
      const t = totals.get(c.status) ?? { sum: 0, n: 0 };
      t.sum += to - from;
      t.n += 1;
      totals.set(c.status, t);
    });
  }
  return Object.fromEntries(
    [...totals.entries()].map(([status, t]) => [status, { avgMinutes: minutes(t.sum / t.n), samples: t.n }]),
  );
}

function lateness(completed: { completedAt: number }[], estimateOf: (c: number) => number) {
  const late = completed.map((c, i) => c.completedAt - estimateOf(i));
  return {
    onTimeShare: late.filter((l) => l <= 0).length / completed.length,
    avgLatenessMinutes: minutes(late.reduce((s, l) => s + l, 0) / completed.length),
  };
}

/**
 * How completion compared with the estimate first promised (the one the customer was told when the
 * order was created), and with the latest estimate (after delays): the gap between the two is the
 * slippage delays announced. Lateness is negative when early.
 */
export function estimateAccuracy(
  completed: { originalEstimatedAt: number; estimatedAt: number; completedAt: number }[],
) {
  if (completed.length === 0) return { count: 0, original: null, latest: null };
  return {
    count: completed.length,
    original: lateness(completed, (i) => completed[i].originalEstimatedAt),
    latest: lateness(completed, (i) => completed[i].estimatedAt),
  };
}

/** Average time from creation to completion ("time in recon" for reconditioning orders). */
export function timeToComplete(completed: { createdAt: number; completedAt: number }[]) {
  if (completed.length === 0) return { count: 0, avgMinutes: null };
  const total = completed.reduce((s, c) => s + (c.completedAt - c.createdAt), 0);
  return { count: completed.length, avgMinutes: minutes(total / completed.length) };
}
