import type { ReactNode } from "react";
import { requireUserPage } from "@/lib/platform/auth/current";
import { PartsTabs } from "./_components/parts-tabs";

export default async function PartsLayout({ children }: { children: ReactNode }) {
  const actor = await requireUserPage();
  const tabs = actor.dealerId
    ? [
        { href: "/parts", label: "Search" },
        { href: "/parts/basket", label: "Basket" },
        { href: "/parts/orders", label: "Orders" },
        { href: "/parts/counter", label: "Counter" },
      ]
    : [{ href: "/parts/counter", label: "Counter" }];
  return (
    <div className="grid grid-cols-1 gap-6">
      <PartsTabs tabs={tabs} />
      {children}
    </div>
  );
}
