import "server-only";
import { isAppError } from "@/lib/platform/errors";

export type Search = Record<string, string | undefined>;

/** Only the known keys, only non-empty strings: what the list forms put in the URL. */
export function pickSearch(
  sp: Record<string, string | string[] | undefined>,
  keys: readonly string[],
): Search {
  return Object.fromEntries(
    keys.map((k) => [k, typeof sp[k] === "string" && sp[k] ? (sp[k] as string) : undefined]),
  );
}

/** A filter the URL got wrong becomes a message on the page, not an error page. */
export async function withFilterError<T>(
  run: () => T | Promise<T>,
  empty: T,
): Promise<{ result: T; filterError: string | null }> {
  try {
    return { result: await run(), filterError: null };
  } catch (e) {
    if (!isAppError(e) || e.status !== 400) throw e;
    return { result: empty, filterError: e.message };
  }
}
