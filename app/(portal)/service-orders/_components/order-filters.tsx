import { FilterForm, FilterInput, FilterSelect } from "@/components/filter-form";
import { pickSearch, type Search } from "../../_components/list-search";

export type OrderSearch = Search;

const STATUS_OPTIONS = [
  { value: "open", label: "Open (not finished)" },
  { value: "pending", label: "Pending" },
  { value: "in-progress", label: "In progress" },
  { value: "delayed", label: "Delayed" },
  { value: "completed", label: "Completed" },
  { value: "canceled", label: "Canceled" },
];

const TYPE_OPTIONS = [
  { value: "reconditioning", label: "Reconditioning" },
  { value: "concierge", label: "Concierge" },
];

/** GET form (in a card): every filter lives in the URL, so views can be bookmarked and shared. */
export function OrderFilters({
  basePath,
  values,
  dealers,
  errors = {},
}: {
  basePath: string;
  values: OrderSearch;
  dealers?: { slug: string; name: string }[];
  /** Messages for filters the URL got wrong, by field name. */
  errors?: Record<string, string>;
}) {
  return (
    <FilterForm
      action={basePath}
      label="Filter orders"
      className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6 lg:items-end"
      buttonsClassName="sm:col-span-3 lg:col-span-6"
    >
      <FilterInput
        id="f-q"
        name="q"
        label="Search"
        className="sm:col-span-3 lg:col-span-2"
        value={values.q}
        placeholder="Order id, VIN or stock number"
      />
      <FilterSelect
        id="f-status"
        name="status"
        label="Status"
        value={values.status}
        anyLabel="Any status"
        options={STATUS_OPTIONS}
      />
      <FilterSelect
        id="f-type"
        name="type"
        label="Type"
        value={values.type}
        anyLabel="Any type"
        options={TYPE_OPTIONS}
      />
      <FilterInput
        id="f-from"
        type="date"
        name="from"
        label="Created from"
        value={values.from}
        error={errors.from}
      />
      <FilterInput id="f-to" type="date" name="to" label="Created to" value={values.to} error={errors.to} />
      {dealers ? (
        <FilterSelect
          id="f-dealer"
          name="dealer"
          label="Dealer"
          value={values.dealer}
          anyLabel="All dealers"
          options={dealers.map((d) => ({ value: d.slug, label: d.name }))}
        />
      ) : (
        <FilterInput id="f-deal" name="deal" label="Deal" value={values.deal} placeholder="deal_…" />
      )}
    </FilterForm>
  );
}

export const ORDER_FILTER_KEYS = ["q", "status", "type", "from", "to", "deal", "dealer", "cursor"] as const;

export function pickFilters(sp: Record<string, string | string[] | undefined>): OrderSearch {
  return pickSearch(sp, ORDER_FILTER_KEYS);
}
