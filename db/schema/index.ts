export * from "./platform";
export * from "./service-orders";
