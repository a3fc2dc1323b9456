import { ListSkeleton } from "@/components/list-skeleton";

export default function PartsOrdersLoading() {
  return <ListSkeleton />;
}
