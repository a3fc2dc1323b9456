// The moves contract's path (no /api prefix), served directly: cheaper than the /v1 rewrite.
export { POST } from "@/app/api/v1/cancelation/route";
