import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";

export type OrderSearch = Record<string, string | undefined>;

/** GET form: every filter lives in the URL, so views can be bookmarked and shared. */
export function OrderFilters({
  basePath,
  values,
  dealers,
}: {
  basePath: string;
  values: OrderSearch;
  dealers?: { slug: string; name: string }[];
}) {
  return (
    <form
      method="get"
      action={basePath}
      className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6 lg:items-end"
      aria-label="Filter orders"
    >
      <div className="grid gap-1 sm:col-span-3 lg:col-span-2">
        <Label htmlFor="f-q">Search</Label>
        <Input id="f-q" name="q" defaultValue={values.q} placeholder="Order id, VIN or stock number" />
      </div>
      <div className="grid gap-1">
        <Label htmlFor="f-status">Status</Label>
        <Select id="f-status" name="status" defaultValue={values.status ?? ""}>
          <option value="">Any status</option>
          <option value="open">Open (not finished)</option>
          <option value="pending">Pending</option>
          <option value="in-progress">In progress</option>
          <option value="delayed">Delayed</option>
          <option value="completed">Completed</option>
          <option value="canceled">Canceled</option>
        </Select>
      </div>
      <div className="grid gap-1">
        <Label htmlFor="f-type">Type</Label>
        <Select id="f-type" name="type" defaultValue={values.type ?? ""}>
          <option value="">Any type</option>
          <option value="reconditioning">Reconditioning</option>
          <option value="concierge">Concierge</option>
        </Select>
      </div>
      <div className="grid gap-1">
        <Label htmlFor="f-from">Created from</Label>
        <Input id="f-from" type="date" name="from" defaultValue={values.from} />
      </div>
      <div className="grid gap-1">
        <Label htmlFor="f-to">Created to</Label>
        <Input id="f-to" type="date" name="to" defaultValue={values.to} />
      </div>
      {dealers ? (
        <div className="grid gap-1">
          <Label htmlFor="f-dealer">Dealer</Label>
          <Select id="f-dealer" name="dealer" defaultValue={values.dealer ?? ""}>
            <option value="">All dealers</option>
            {dealers.map((d) => (
              <option key={d.slug} value={d.slug}>
                {d.name}
              </option>
            ))}
          </Select>
        </div>
      ) : (
        <div className="grid gap-1">
          <Label htmlFor="f-deal">Deal</Label>
          <Input id="f-deal" name="deal" defaultValue={values.deal} placeholder="deal_…" />
        </div>
      )}
      <div className="flex gap-2 sm:col-span-3 lg:col-span-6">
        <Button type="submit">Apply filters</Button>
        <Button asChild variant="ghost">
          <a href={basePath}>Clear</a>
        </Button>
      </div>
    </form>
  );
}

export const ORDER_FILTER_KEYS = ["q", "status", "type", "from", "to", "deal", "dealer", "cursor"] as const;

export function pickFilters(sp: Record<string, string | string[] | undefined>): OrderSearch {
  return Object.fromEntries(
    ORDER_FILTER_KEYS.map((k) => [k, typeof sp[k] === "string" && sp[k] ? (sp[k] as string) : undefined]),
  );
}
