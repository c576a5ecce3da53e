/** « d***@demo.doctipro.lu »: enough for the owner to recognise, nothing for anyone else. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "***";
  return `${email[0]}***${email.slice(at)}`;
}
