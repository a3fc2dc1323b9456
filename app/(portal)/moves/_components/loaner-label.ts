import type { LoanerDto } from "@/lib/moves/serialize";

/** "LN-7 · 2024 Toyota Camry gray (with Harry Stevens)": a loaner in a picker, saying who has it now. */
export function loanerLabel(l: LoanerDto): string {
  const name = [l.year, l.make, l.model, l.color].filter(Boolean).join(" ");
  return `${l.stock} · ${name}${l.with_customer ? ` (with ${l.with_customer.customer_name})` : ""}`;
}

/** Loaners that can be offered for a booking: in service (whether one is free then is the service's call). */
export const bookable = (fleet: LoanerDto[]) => fleet.filter((l) => l.status !== "out_of_service");
