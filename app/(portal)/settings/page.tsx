import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { SectionCard } from "@/components/ui/card";
import { requireUserPage } from "@/lib/platform/auth/current";
import { PasswordForm } from "./_components/password-form";

export const metadata: Metadata = { title: "Settings" };

export default async function ProfilePage() {
  const actor = await requireUserPage();
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader title="Profile" description={`${actor.label} · ${actor.email} · ${actor.role}`} />
      <SectionCard title="Change password">
        <PasswordForm />
      </SectionCard>
    </div>
  );
}
