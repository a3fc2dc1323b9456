import { ListSkeleton } from "@/components/list-skeleton";

export default function OperationsLoading() {
  return <ListSkeleton filterClassName="max-w-2xl" />;
}
