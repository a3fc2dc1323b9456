import { ListSkeleton } from "@/components/list-skeleton";

export default function PartsCounterLoading() {
  return <ListSkeleton />;
}
