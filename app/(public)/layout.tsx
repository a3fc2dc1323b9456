import type { Metadata } from "next";
import type { ReactNode } from "react";

export const metadata: Metadata = { robots: { index: false, follow: false } };

/** The customer-facing shell: no portal navigation, no sign-in, one narrow column. */
export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col bg-muted/50">
      <header className="border-b bg-background">
        <div className="mx-auto flex h-14 w-full max-w-lg items-center px-4">
          <span className="text-sm font-bold tracking-wide text-primary uppercase">Forecourt</span>
        </div>
      </header>
      <main className="mx-auto w-full max-w-lg flex-1 px-4 py-6">{children}</main>
      <footer className="mx-auto w-full max-w-lg px-4 pb-8 text-xs text-muted-foreground">
        This page was sent to you by your dealership. Keep the link private: anyone who has it can see this
        page.
      </footer>
    </div>
  );
}
