import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/platform/auth/current";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (await currentActor()) redirect("/dashboard");
  const { next } = await searchParams;
  return (
    <main className="grid min-h-dvh place-items-center bg-muted px-4 py-10">
      <div className="w-full max-w-sm rounded-xl border bg-background p-6 shadow-sm sm:p-8">
        <div className="mb-6">
          <p className="text-sm font-semibold tracking-wide text-primary">FORECOURT</p>
          <h1 className="mt-1 text-2xl font-semibold">Sign in</h1>
          <p className="mt-1 text-sm text-muted-foreground">Dealer staff and operations team.</p>
        </div>
        <LoginForm next={next} />
      </div>
    </main>
  );
}
