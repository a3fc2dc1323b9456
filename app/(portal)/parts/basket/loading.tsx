import { ListSkeleton } from "@/components/list-skeleton";

export default function PartsBasketLoading() {
  return <ListSkeleton />;
}
