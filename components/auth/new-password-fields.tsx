import { Field } from "@/components/ui/field";
import { PASSWORD_MAX } from "@/lib/auth/limits";

// A new password and its confirmation: the pair every form that sets a password asks for (reset,
// change, an account created while booking), with the same names the server's schema reads.

type Props = {
  errors?: Partial<Record<"password" | "confirmation", string>>;
  /** Keeps ids unique when a page holds two such forms. */
  idPrefix?: string;
  passwordLabel?: string;
  confirmationLabel?: string;
  autoFocus?: boolean;
};

export function NewPasswordFields({
  errors,
  idPrefix = "new",
  passwordLabel = "Nouveau mot de passe",
  confirmationLabel = "Confirmez le mot de passe",
  autoFocus,
}: Props) {
  return (
    <>
      <Field
        id={`${idPrefix}-password`}
        label={passwordLabel}
        name="password"
        type="password"
        autoComplete="new-password"
        maxLength={PASSWORD_MAX + 10}
        autoFocus={autoFocus}
        error={errors?.password}
      />
      <Field
        id={`${idPrefix}-confirmation`}
        label={confirmationLabel}
        name="confirmation"
        type="password"
        autoComplete="new-password"
        maxLength={PASSWORD_MAX + 10}
        error={errors?.confirmation}
      />
    </>
  );
}
