export * from "./checkout";
export * from "./moves";
export * from "./parts";
export * from "./platform";
export * from "./service-orders";
