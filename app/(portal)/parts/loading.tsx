import { ListSkeleton } from "@/components/list-skeleton";

export default function PartsLoading() {
  return <ListSkeleton />;
}
