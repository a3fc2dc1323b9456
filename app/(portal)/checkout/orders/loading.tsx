import { ListSkeleton } from "@/components/list-skeleton";

export default function PlacedOrdersLoading() {
  return <ListSkeleton stats={4} filterClassName="max-w-xl" />;
}
