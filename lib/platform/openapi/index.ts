import { serviceOrderOperations } from "@/lib/service-orders/openapi";
import { buildOpenApiDocument } from "./document";
import { platformOperations } from "./platform-operations";

/** Every domain adds its operations here. */
export const allOperations = [...platformOperations, ...serviceOrderOperations];

export const openApiDocument = (serverUrl: string) => buildOpenApiDocument(allOperations, serverUrl);
