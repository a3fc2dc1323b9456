"use client";

import {
  BookOpen,
  Car,
  ClipboardList,
  FileText,
  Handshake,
  LayoutDashboard,
  ListChecks,
  Menu,
  Package,
  Settings,
  ShoppingCart,
  Webhook,
} from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { cn } from "@/lib/utils";

export interface NavItem {
  href: string;
  label: string;
  icon:
    | "dashboard"
    | "webhooks"
    | "settings"
    | "docs"
    | "orders"
    | "quotes"
    | "deals"
    | "operations"
    | "moves"
    | "parts"
    | "checkout";
}

const ICONS = {
  dashboard: LayoutDashboard,
  webhooks: Webhook,
  settings: Settings,
  docs: BookOpen,
  orders: ClipboardList,
  quotes: FileText,
  deals: Handshake,
  operations: ListChecks,
  moves: Car,
  parts: Package,
  checkout: ShoppingCart,
};

function NavLinks({ items, onNavigate }: { items: NavItem[]; onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <ul className="grid gap-1">
      {items.map((item) => {
        const Icon = ICONS[item.icon];
        const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              onClick={onNavigate}
              aria-current={active ? "page" : undefined}
              className={cn(
                "flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium text-muted-foreground hover:bg-muted hover:text-foreground",
                active && "bg-muted text-foreground",
              )}
            >
              <Icon className="size-4" aria-hidden />
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

export function SideNav({ items }: { items: NavItem[] }) {
  return (
    <nav aria-label="Main" className="hidden md:block">
      <NavLinks items={items} />
    </nav>
  );
}

export function MobileNav({ items }: { items: NavItem[] }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="md:hidden">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="mobile-nav"
        onClick={() => setOpen((o) => !o)}
        className="inline-flex items-center gap-2 rounded-md border px-3 py-1.5 text-sm"
      >
        <Menu className="size-4" aria-hidden />
        Menu
      </button>
      {open ? (
        <nav
          id="mobile-nav"
          aria-label="Main"
          className="absolute inset-x-0 top-14 z-40 border-b bg-background p-3 shadow-md"
        >
          <NavLinks items={items} onNavigate={() => setOpen(false)} />
        </nav>
      ) : null}
    </div>
  );
}
