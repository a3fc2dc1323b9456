/**
 * `ready_by_time_utc`: when the first vehicle must be ready at the service center so the driver,
 * leaving then, reaches the customer at the appointment. It is the appointment minus the first
 * leg's drive-time estimate (road miles = straight line x 1.25, at 28 mph, rounded up to the
 * minute), floored to the whole minute.
 */
export function readyByTime(appointment: Date, firstLegMinutes: number): Date {
  const t = appointment.getTime() - firstLegMinutes * 60_000;
  return new Date(Math.floor(t / 60_000) * 60_000);
}
