import * as z from "@/lib/forms/zod";
import { otpCodeSchema } from "./code-format";

// The forms that send only an authenticator code (confirming an enrolment, at sign-in or from the
// security page). The forms that also ask the password again are in lib/auth/schema.ts.

export const authenticatorCodeSchema = z.object({ code: otpCodeSchema });
