// The moves contract's path (no /api prefix), served directly: cheaper than the /v1 rewrite.
export { GET } from "@/app/api/v1/lanes/[id]/route";
