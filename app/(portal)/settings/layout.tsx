import Link from "next/link";
import type { ReactNode } from "react";
import { requireUserPage } from "@/lib/platform/auth/current";

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const actor = await requireUserPage();
  const tabs = [{ href: "/settings", label: "Profile" }];
  if (actor.role === "admin") {
    tabs.push({ href: "/settings/users", label: "Users" }, { href: "/settings/api-keys", label: "API keys" });
  }
  if (actor.dealerId) tabs.push({ href: "/settings/outbox", label: "Outbox" });
  return (
    <div className="grid grid-cols-1 gap-6">
      <nav aria-label="Settings" className="flex gap-1 overflow-x-auto border-b">
        {tabs.map((t) => (
          <Link
            key={t.href}
            href={t.href}
            className="whitespace-nowrap px-3 py-2 text-sm font-medium text-muted-foreground hover:text-foreground"
          >
            {t.label}
          </Link>
        ))}
      </nav>
      {children}
    </div>
  );
}
