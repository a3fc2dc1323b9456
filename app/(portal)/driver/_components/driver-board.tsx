"use client";

import { useQuery } from "@tanstack/react-query";
import { EmptyState } from "@/components/empty-state";
import { StatusBadge } from "@/components/status-badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ZonedTime } from "../../moves/_components/zoned-time";
import { type DriverBooking, type DriverLeg, driverQueryKey, holdsUp } from "./driver-shared";
import { LegControls } from "./leg-controls";

const CANCEL_BADGE: Record<string, { status: string; label: string }> = {
  pending: { status: "pending", label: "Cancel pending" },
  succeeded: { status: "canceled", label: "Canceled, no charge" },
  partial: { status: "partial", label: "Canceled, partial charge" },
  failed: { status: "failed", label: "Cancel failed" },
};

function vehicleText(v: DriverLeg["vehicle"]): string {
  const name = [v.year, v.make, v.model].filter(Boolean).join(" ");
  return [name || "Vehicle details not given", v.color].filter(Boolean).join(" · ");
}

function Leg({
  leg,
  index,
  previous,
  timeZone,
}: {
  leg: DriverLeg;
  index: number;
  previous?: DriverLeg;
  timeZone: string;
}) {
  const cancel = leg.cancel_status ? CANCEL_BADGE[leg.cancel_status] : undefined;
  const v = leg.vehicle;
  const waitingFor = holdsUp(previous) ? index : undefined;
  return (
    <li
      data-testid="driver-leg"
      data-move-id={leg.move_id}
      data-status={leg.status ?? "new"}
      className="grid gap-3 rounded-lg border p-3 sm:p-4"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">
          Leg {index + 1} · {leg.move_type === "loaner" ? "Loaner" : "Customer's vehicle"}
          <span className="ml-2 font-normal text-muted-foreground">#{leg.move_id}</span>
        </h3>
        <div className="flex flex-wrap gap-1.5">
          <span data-testid="driver-leg-status">
            <StatusBadge
              status={leg.status ?? "new"}
              label={leg.status ? undefined : "Not dispatched"}
              className="text-sm"
            />
          </span>
          {cancel ? (
            <span data-testid="driver-leg-cancel">
              <StatusBadge status={cancel.status} label={cancel.label} className="text-sm" />
            </span>
          ) : null}
        </div>
      </div>

      <div className="text-sm">
        <p className="text-base font-medium">{vehicleText(v)}</p>
        {v.stock || v.vin ? (
          <p className="flex flex-wrap gap-x-3 text-muted-foreground">
            {v.stock ? <span>Stock {v.stock}</span> : null}
            {v.vin ? <span className="break-all">VIN {v.vin}</span> : null}
          </p>
        ) : null}
        {v.manual ? <p className="font-medium text-amber-900">Manual transmission</p> : null}
      </div>

      <dl className="grid gap-2 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-muted-foreground">From</dt>
          <dd>
            <span className="font-medium">{leg.pickup_location.name}</span>
            <span className="block">{leg.pickup_location.full_address}</span>
          </dd>
        </div>
        <div>
          <dt className="text-muted-foreground">To</dt>
          <dd>
            <span className="font-medium">{leg.delivery_location.name}</span>
            <span className="block">{leg.delivery_location.full_address}</span>
          </dd>
        </div>
        <div>
          <dt className="text-muted-foreground">Driver</dt>
          <dd data-testid="driver-leg-driver">{leg.driver_name ?? "Not assigned"}</dd>
        </div>
        {leg.dealer_contact ? (
          <div>
            <dt className="text-muted-foreground">Dealer contact</dt>
            <dd>{leg.dealer_contact}</dd>
          </div>
        ) : null}
        {leg.special_instructions ? (
          <div className="sm:col-span-2">
            <dt className="text-muted-foreground">Instructions</dt>
            <dd>{leg.special_instructions}</dd>
          </div>
        ) : null}
      </dl>

      <LegControls leg={leg} waitingFor={waitingFor} timeZone={timeZone} />
    </li>
  );
}

function Booking({ booking }: { booking: DriverBooking }) {
  const titleId = `booking-${booking.id}`;
  return (
    <Card className="gap-4 py-4" data-testid="driver-booking" data-booking-id={booking.id}>
      <CardHeader className="gap-2">
        <CardTitle id={titleId}>{booking.customerName}</CardTitle>
        <p className="text-sm">
          <span className="font-medium">
            {booking.customerAction === "pickup"
              ? "Pickup (the customer's car comes in)"
              : "Return (the customer's car goes back)"}
          </span>
          <span className="text-muted-foreground">
            {" "}
            · {booking.kind === "concierge-loaner" ? "Concierge + loaner" : "Concierge"}
          </span>
        </p>
        <dl className="grid gap-1 text-sm sm:grid-cols-2">
          <div className="flex flex-wrap gap-x-2">
            <dt className="text-muted-foreground">Appointment</dt>
            <dd data-testid="driver-booking-appointment">
              <ZonedTime value={booking.appointment} timeZone={booking.timeZone} />
            </dd>
          </div>
          <div className="flex flex-wrap gap-x-2">
            <dt className="text-muted-foreground">Ready by</dt>
            <dd data-testid="driver-booking-ready-by">
              <ZonedTime value={booking.readyBy} timeZone={booking.timeZone} />
            </dd>
          </div>
          <div className="flex flex-wrap gap-x-2">
            <dt className="text-muted-foreground">Customer phone</dt>
            <dd>
              <a
                className="text-primary underline-offset-4 hover:underline"
                href={`tel:${booking.customerPhone}`}
              >
                {booking.customerPhone}
              </a>
            </dd>
          </div>
        </dl>
      </CardHeader>
      <CardContent>
        <ol className="grid gap-3" aria-labelledby={titleId}>
          {booking.moves.map((leg, i) => (
            <Leg
              key={leg.move_id}
              leg={leg}
              index={i}
              previous={booking.moves[i - 1]}
              timeZone={booking.timeZone}
            />
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}

/** The day's bookings, polled every 2 s so steps taken elsewhere show up here. */
export function DriverBoard({ date, initial }: { date: string; initial: DriverBooking[] }) {
  const { data, isError } = useQuery<DriverBooking[]>({
    queryKey: driverQueryKey(date),
    queryFn: async () => {
      const res = await fetch(`/api/portal/driver?date=${encodeURIComponent(date)}`, { cache: "no-store" });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.json();
    },
    initialData: initial,
    refetchInterval: 2000,
  });

  return (
    <div className="grid gap-4">
      {isError ? (
        <p role="status" className="rounded-md bg-amber-50 p-2 text-sm text-amber-900">
          Could not refresh the board. Showing the last update; retrying.
        </p>
      ) : null}
      {data.length === 0 ? (
        <EmptyState
          title="No moves this day"
          description="Bookings with an appointment on this day show here."
        />
      ) : (
        <div className="grid gap-4" data-testid="driver-bookings">
          {data.map((b) => (
            <Booking key={b.id} booking={b} />
          ))}
        </div>
      )}
    </div>
  );
}
