// The bounds of the sign-in fields, apart from their zod schema (lib/auth/schema.ts): pages import
// these for their inputs' maxLength without loading zod with the page.

export const EMAIL_MAX = 320;
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
