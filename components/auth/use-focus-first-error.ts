'use client';

import { useEffect, useRef } from 'react';
import type { FormState } from '@/lib/form-state';

/** After a failed submit, moves focus to the first invalid field so keyboard users land on it. */
export function useFocusFirstError(state: FormState<unknown>) {
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const form = formRef.current;
    if (!form || (!state.error && !state.fields)) return;
    const invalid = form.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
  }, [state]);
  return formRef;
}
