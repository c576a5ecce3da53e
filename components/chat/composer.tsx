"use client";

import { useId, useRef, useState, type KeyboardEvent, type RefObject } from "react";
import { characterCount, MESSAGE_MAX_CHARACTERS, type SendResult } from "@/lib/chat/limits";
import { formatCount } from "@/lib/format/number";

type Props = {
  label: string;
  submitLabel: string;
  placeholder?: string;
  send: (body: string) => Promise<SendResult>;
  inputRef?: RefObject<HTMLTextAreaElement | null>;
  disabled?: boolean;
};

/**
 * The message box: Enter sends, Shift+Enter starts a new line. The counter warns past 4,000
 * characters; the server decides (and says why a message is refused). The text is kept on error.
 */
export function Composer({ label, submitLabel, placeholder, send, inputRef, disabled = false }: Props) {
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const ownInput = useRef<HTMLTextAreaElement>(null);
  const textarea = inputRef ?? ownInput;
  const id = useId();
  const count = characterCount(body);
  const tooLong = count > MESSAGE_MAX_CHARACTERS;

  const submit = async () => {
    if (pending || disabled) return;
    setPending(true);
    setError(null);
    try {
      const result = await send(body);
      if (result.ok) {
        setBody("");
      } else setError(result.error);
      // The button was disabled while sending and lost focus: writing goes on in the box.
      textarea.current?.focus();
    } catch {
      setError("Le message n'a pas pu être envoyé. Vérifiez votre connexion et réessayez.");
    } finally {
      setPending(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      form.current?.requestSubmit();
    }
  };

  return (
    <form
      ref={form}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      className="border-t border-slate-200 bg-white p-3"
    >
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <textarea
        id={id}
        ref={textarea}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={onKeyDown}
        rows={3}
        placeholder={placeholder}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-count${error ? ` ${id}-error` : ""}`}
        className="block w-full resize-none rounded-md border border-slate-300 px-3 py-2 text-sm text-slate-900 placeholder:text-slate-400 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/20 disabled:bg-slate-50"
      />
      {error && (
        <p id={`${id}-error`} role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      )}
      <div className="mt-2 flex items-center justify-between gap-3">
        <span id={`${id}-count`} className={`text-xs ${tooLong ? "font-semibold text-red-700" : "text-slate-500"}`}>
          {formatCount(count)} / {formatCount(MESSAGE_MAX_CHARACTERS)} caractères
        </span>
        <button
          type="submit"
          disabled={pending || disabled}
          aria-busy={pending || undefined}
          className="inline-flex items-center gap-2 rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:bg-brand-600/60"
        >
          {pending && <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-current border-r-transparent" />}
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
