import Link from "next/link";
import type { ReactNode } from "react";
import { getDb } from "@/db/client";
import { requireUserPage } from "@/lib/platform/auth/current";
import { getDealer } from "@/lib/platform/identity/dealers";
import { MobileNav, type NavItem, SideNav } from "./_components/nav";
import { signOutAction } from "./actions";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const actor = await requireUserPage();
  const dealer = actor.dealerId ? getDealer(getDb(), actor.dealerId) : undefined;
  const items: NavItem[] = [{ href: "/dashboard", label: "Dashboard", icon: "dashboard" }];
  if (actor.dealerId) {
    items.push(
      { href: "/service-orders", label: "Service orders", icon: "orders" },
      { href: "/quotes", label: "Quotes", icon: "quotes" },
      { href: "/deals", label: "Deals", icon: "deals" },
      { href: "/moves", label: "Moves", icon: "moves" },
      { href: "/parts", label: "Parts", icon: "parts" },
      { href: "/checkout", label: "Checkout", icon: "checkout" },
      { href: "/webhooks", label: "Webhooks", icon: "webhooks" },
    );
  } else {
    items.push(
      { href: "/operations", label: "Operations", icon: "operations" },
      { href: "/driver", label: "Driver board", icon: "moves" },
      { href: "/parts/counter", label: "Parts counter", icon: "parts" },
      { href: "/checkout", label: "Checkout", icon: "checkout" },
    );
  }
  items.push({ href: "/settings", label: "Settings", icon: "settings" });
  items.push({ href: "/api-docs", label: "API docs", icon: "docs" });

  return (
    <div className="min-h-dvh">
      <header className="no-print sticky top-0 z-30 flex h-14 items-center justify-between gap-3 border-b bg-background/95 px-4 backdrop-blur">
        <div className="flex min-w-0 items-center gap-3">
          <MobileNav items={items} />
          <Link href="/dashboard" className="text-sm font-bold tracking-wide text-primary">
            FORECOURT
          </Link>
          <span className="hidden truncate text-sm text-muted-foreground sm:inline">
            {dealer ? dealer.name : "Operations"}
          </span>
        </div>
        <div className="flex items-center gap-3">
          <span className="hidden text-right text-sm sm:block">
            <span className="block font-medium leading-tight">{actor.label}</span>
            <span className="block text-xs capitalize text-muted-foreground">{actor.role}</span>
          </span>
          <form action={signOutAction}>
            <button type="submit" className="rounded-md border px-3 py-1.5 text-sm hover:bg-muted">
              Sign out
            </button>
          </form>
        </div>
      </header>
      <div className="mx-auto flex max-w-7xl gap-6 px-4 py-6">
        <aside className="no-print hidden w-52 shrink-0 md:block">
          <SideNav items={items} />
        </aside>
        <main className="min-w-0 flex-1">{children}</main>
      </div>
    </div>
  );
}
