/** The service-orders contract speaks decimal dollars; we store integer cents. */
export const toDollars = (cents: number) => Math.round(cents) / 100;
export const toCents = (dollars: number) => Math.round(dollars * 100);
