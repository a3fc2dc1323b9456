import { apiWriteRoute } from "@/lib/platform/http/api-route";

// bookConciergeLoaner, on the writer thread.
export const POST = apiWriteRoute("moves.bookConciergeLoaner");
