"use client";

import type * as React from "react";
import { Toaster as SonnerToaster } from "sonner";

export { toast } from "sonner";

/** App-wide toast outlet. Render once (e.g. in the root layout). */
export function Toaster(props: React.ComponentProps<typeof SonnerToaster>) {
  return <SonnerToaster richColors closeButton position="top-right" className="no-print" {...props} />;
}
