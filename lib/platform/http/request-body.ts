import { invalid } from "../errors";

/** A request's JSON body: `{}` when empty, a 400 on `body` when it is not JSON. */
export function parseJsonBody(text: string): unknown {
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw invalid("body", "The request body is not valid JSON.", "invalid_json");
  }
}
