import { apiWriteRoute } from "@/lib/platform/http/api-route";

// bookConcierge, on the writer thread.
export const POST = apiWriteRoute("moves.bookConcierge");
