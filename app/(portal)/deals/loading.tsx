import { ListSkeleton } from "@/components/list-skeleton";

export default function DealsLoading() {
  return <ListSkeleton />;
}
