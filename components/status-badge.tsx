import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils";

export type StatusTone = "neutral" | "info" | "progress" | "success" | "warning" | "danger";

/** Compact key: lower-case, no spaces/underscores/hyphens ("Pickup_Started" -> "pickupstarted"). */
function statusKey(status: string): string {
  return status.toLowerCase().replace(/[\s_-]+/g, "");
}

const TONE_GROUPS: Record<StatusTone, string[]> = {
  neutral: ["pending", "queued", "not_sent", "created", "draft", "unfulfilled"],
  info: [
    "awaiting-payment",
    "open",
    "new",
    "scheduled",
    "ready_to_fulfill",
    "ready_for_pick_up",
    "reservation_paid",
    "down_payment_paid",
  ],
  progress: [
    "in-progress",
    "dispatched",
    "pickup started",
    "pickup arrived",
    "delivery started",
    "delivery arrived",
    "reserved",
    "picked",
    "issued",
    "packed",
    "in transit",
    "shipped",
    "confirmed",
    "opened",
    "processing",
    "financing_guaranteed",
  ],
  success: [
    "completed",
    "succeeded",
    "delivered",
    "paid",
    "sent",
    "enabled",
    "active",
    "fully_paid",
    "fulfilled",
    "invoiced",
    "closed",
    "placed",
    "delivery successful",
    "pickup successful",
  ],
  warning: ["delayed", "backorder", "on_hold", "retrying", "partial", "expired", "abandoned"],
  danger: ["canceled", "cancelled", "failed", "disabled", "revoked", "declined", "exhausted"],
};

const TONES = new Map<string, StatusTone>(
  (Object.entries(TONE_GROUPS) as [StatusTone, string[]][]).flatMap(([tone, statuses]) =>
    statuses.map((s) => [statusKey(s), tone] as const),
  ),
);

/** Labels for statuses that arrive run together ("intransit") and can't be split mechanically. */
const COMPACT_LABELS: Record<string, string> = {
  intransit: "In transit",
  inprogress: "In progress",
  notsent: "Not sent",
  onhold: "On hold",
  fullypaid: "Fully paid",
  awaitingpayment: "Awaiting payment",
};

/** The single status -> tone mapping used across the product. Unknown statuses are "neutral". */
export function statusTone(status: string | null | undefined): StatusTone {
  if (!status) return "neutral";
  return TONES.get(statusKey(status)) ?? "neutral";
}

/** "in-progress" -> "In progress", "FULLY_PAID" -> "Fully paid", "pickupStarted" -> "Pickup started". */
export function humanizeStatus(status: string): string {
  const compact = COMPACT_LABELS[statusKey(status)];
  if (compact) return compact;
  const words = status
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[\s_-]+/g, " ")
    .trim()
    .toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : "Unknown";
}

export type StatusBadgeProps = {
  status: string;
  /** Override the displayed text (tone still comes from `status`). */
  label?: string;
  className?: string;
};

export function StatusBadge({ status, label, className }: StatusBadgeProps) {
  const tone = statusTone(status);
  return (
    <Badge variant={tone} data-status={statusKey(status)} data-tone={tone} className={cn(className)}>
      {label ?? humanizeStatus(status)}
    </Badge>
  );
}
