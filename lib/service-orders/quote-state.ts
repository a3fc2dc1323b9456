import type { Quote } from "@/db/schema";

export type QuoteStatus = Quote["status"];

type QuoteTimes = Pick<Quote, "status" | "expiresAt">;

/**
 * A quote's status as of `now`. Expiry is derived when reading rather than written by a job: a
 * quote still awaiting payment once its `expiresAt` has passed is expired, for every reader at once.
 */
export function quoteStatus(q: QuoteTimes, now: number): QuoteStatus {
  if (q.status === "awaiting-payment" && q.expiresAt.getTime() <= now) return "expired";
  return q.status;
}

/**
 * The quote's estimated completion (the spec's Flow 1: the order takes the quote's estimated time).
 * Work starts when the quote is paid, so an unpaid quote's estimate is "if paid now"; a paid quote
 * keeps the estimate its order was given; a quote that can no longer be paid has none.
 */
export function quoteEstimate(
  q: QuoteTimes & Pick<Quote, "estimatedAt" | "estimatedMinutes">,
  now: number,
): Date | null {
  const status = quoteStatus(q, now);
  if (status === "awaiting-payment") return new Date(now + q.estimatedMinutes * 60_000);
  if (status === "paid") return q.estimatedAt;
  return null;
}
