import "server-only";
import { notFound } from "next/navigation";
import { isAppError } from "../errors";

/** For pages: a service's 404 becomes Next's not-found page. */
export function loadOr404<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (isAppError(e) && e.status === 404) notFound();
    throw e;
  }
}
