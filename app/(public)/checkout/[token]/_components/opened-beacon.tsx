"use client";

import { useEffect } from "react";
import { openedAction } from "../actions";

/**
 * Tells the server, once, that a person opened the link: it runs only after hydration, so link
 * previews and bots that fetch the HTML never count as "opened" in the funnel.
 */
export function OpenedBeacon({ token }: { token: string }) {
  useEffect(() => {
    openedAction(token).catch(() => undefined);
  }, [token]);
  return null;
}
