import { SIGN_IN_TITLE, type Role } from "@/lib/auth/roles";
import type { FormState } from "@/lib/forms/form-state";
import { Alert } from "@/components/ui/alert";
import { PortalHints } from "./portal-hints";
import { SignInForm } from "./sign-in-form";

type Props = { role: Role; action: (state: FormState, formData: FormData) => Promise<FormState>; notice?: string };

export function SignInCard({ role, action, notice }: Props) {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-slate-900">{SIGN_IN_TITLE[role]}</h1>
      {notice && <Alert tone="info">{notice}</Alert>}
      <SignInForm action={action} forgotPasswordHref={`/mot-de-passe-oublie?acces=${role}`} />
      <PortalHints current={role} />
    </div>
  );
}
