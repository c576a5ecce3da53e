// The guide's counts, apart from the code schemas (lib/twofactor/code-format.ts): the 2FA step shows
// them without loading zod with the page.

export const CODE_ATTEMPTS = 3;
export const EMAIL_CODE_REQUESTS = 3;
