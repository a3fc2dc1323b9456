"use client";

import { useEffect } from "react";
import { toast } from "@/components/ui/toaster";
import type { FormState } from "@/lib/platform/form-state";

/** Toasts an action's result once per submit. */
export function useFormToast(state: FormState) {
  useEffect(() => {
    if (!state.at || !state.message) return;
    if (state.status === "ok") toast.success(state.message);
    else if (state.status === "error") toast.error(state.message);
  }, [state.at, state.message, state.status]);
}
