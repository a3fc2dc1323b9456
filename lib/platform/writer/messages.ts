import type { WireError } from "../threads/wire";
import type { WriteRequest } from "./perform";

/** A write on its way to the writer thread, with the main thread's clock and origin. */
export interface WriteMessage extends WriteRequest {
  id: number;
  nowMs: number;
  origin: string | undefined;
}

export type WriteReply =
  | {
      id: number;
      ok: true;
      status: number;
      /** The answer's JSON as UTF-8 bytes, transferred rather than copied. */
      json: Uint8Array<ArrayBuffer>;
      headers?: Record<string, string>;
      replayed?: boolean;
    }
  | ({ id: number; ok: false } & WireError);
