import { ListSkeleton } from "@/components/list-skeleton";

export default function PlacedOrdersLoading() {
  return <ListSkeleton filterClassName="max-w-xl" />;
}
