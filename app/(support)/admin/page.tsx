import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { requireSupport } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Administration" };

export default async function AdminPage() {
  const { user } = await requireSupport();
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold text-slate-900">Administration</h1>
      <Card title="Support Doctipro">
        <p className="text-sm text-slate-600">
          Connectée en tant que {user.firstName} {user.lastName}. La gestion des comptes s&apos;ouvrira ici.
        </p>
      </Card>
    </div>
  );
}
