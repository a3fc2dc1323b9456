import { checkoutOperations } from "@/lib/checkout/openapi";
import { moveOperations } from "@/lib/moves/openapi";
import { partsOperations } from "@/lib/parts/openapi";
import { serviceOrderOperations } from "@/lib/service-orders/openapi";
import { buildOpenApiDocument } from "./document";
import { platformOperations } from "./platform-operations";

/** Every domain adds its operations here. */
export const allOperations = [
  ...platformOperations,
  ...serviceOrderOperations,
  ...moveOperations,
  ...partsOperations,
  ...checkoutOperations,
];

/** Built once per server URL: the schemas do not change while the process runs. */
const cache = new Map<string, ReturnType<typeof buildOpenApiDocument>>();
export function openApiDocument(serverUrl: string) {
  let doc = cache.get(serverUrl);
  if (!doc) {
    doc = buildOpenApiDocument(allOperations, serverUrl);
    if (cache.size > 20) cache.clear();
    cache.set(serverUrl, doc);
  }
  return doc;
}

/** The document as JSON text, serialised once per server URL (it is large and never changes). */
const jsonCache = new Map<string, string>();
export function openApiJson(serverUrl: string): string {
  let json = jsonCache.get(serverUrl);
  if (!json) {
    json = JSON.stringify(openApiDocument(serverUrl));
    if (jsonCache.size > 20) jsonCache.clear();
    jsonCache.set(serverUrl, json);
  }
  return json;
}
