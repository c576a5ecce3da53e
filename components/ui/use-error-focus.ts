"use client";

import { useEffect, useRef, type RefObject } from "react";
import type { FormState } from "@/lib/forms/form-state";

/**
 * After the server refuses a form, focus goes to the first field in error (whose message its
 * aria-describedby reads out), else to the form's error message (role="alert", announced as it
 * appears and then focused so the keyboard starts there). Every form bound to a server action gets
 * it through useServerForm or useCheckedForm; a form that needs its element too passes its own ref.
 */
export function useErrorFocus(state: FormState<unknown>, formRef?: RefObject<HTMLFormElement | null>) {
  const own = useRef<HTMLFormElement>(null);
  const ref = formRef ?? own;
  useEffect(() => {
    if (state.status !== "error" || !ref.current) return;
    const form = ref.current;
    const field = form.querySelector<HTMLElement>('[aria-invalid="true"]');
    const summary = form.querySelector<HTMLElement>('[role="alert"]');
    const target = field ?? summary;
    if (!target) return;
    if (target === summary) target.tabIndex = -1;
    target.focus();
  }, [state, ref]);
  return ref;
}
