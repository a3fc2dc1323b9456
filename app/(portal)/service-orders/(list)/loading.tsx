// Only the list: a loading boundary above [id] would make its 404 (another dealer's id) answer 200.
import { ListSkeleton } from "@/components/list-skeleton";

export default function ServiceOrdersLoading() {
  return <ListSkeleton filterClassName="max-w-2xl" />;
}
