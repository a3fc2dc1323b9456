/** What a server action returns to a form (serialisable; shared by client and server). */
export interface FormState<T = unknown> {
  status: "idle" | "ok" | "error";
  message?: string;
  fieldErrors?: Record<string, string>;
  /** What the user typed, so a failed submit loses nothing (passwords are never echoed). */
  values?: Record<string, string>;
  data?: T;
  /** Changes on every submit so toasts fire once per result. */
  at?: number;
}

export const idleState: FormState = { status: "idle" };
