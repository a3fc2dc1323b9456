export * from "./checkout";
export * from "./moves";
export * from "./platform";
export * from "./service-orders";
