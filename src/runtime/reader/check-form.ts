/**
 * Reading a learner's response out of a check's form and putting a saved one
 * back: the only place that knows the form's markup
 * (src/components/read/KnowledgeCheck.astro).
 */
import type { Check } from '../../model/schema';
import type { AnsweredCheck } from '../../questions';

const checkedValues = (form: HTMLFormElement) =>
  [...form.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);

/** The response the form holds, paired with its check so the two types agree; null when a true/false has no choice yet. */
export function readResponse(form: HTMLFormElement, check: Check): AnsweredCheck | null {
  switch (check.type) {
    case 'single':
      return { check, response: checkedValues(form)[0] ?? '' };
    case 'multiple':
      return { check, response: checkedValues(form) };
    case 'true-false': {
      const value = checkedValues(form)[0];
      return value === undefined ? null : { check, response: value === 'true' };
    }
    case 'matching': {
      const placed: Record<string, string> = {};
      for (const select of form.querySelectorAll<HTMLSelectElement>('select'))
        if (select.value) placed[select.name] = select.value;
      return { check, response: placed };
    }
  }
}

export function writeResponse(form: HTMLFormElement, answered: AnsweredCheck): void {
  const setChecked = (values: readonly string[]) => {
    for (const input of form.querySelectorAll<HTMLInputElement>('input')) input.checked = values.includes(input.value);
  };
  const { response } = answered;
  if (typeof response === 'string') setChecked([response]);
  else if (typeof response === 'boolean') setChecked([String(response)]);
  else if (Array.isArray(response)) setChecked(response);
  else {
    const placed = response as Readonly<Record<string, string>>;
    for (const select of form.querySelectorAll<HTMLSelectElement>('select')) select.value = placed[select.name] ?? '';
  }
}

export function clearForm(form: HTMLFormElement): void {
  for (const input of form.querySelectorAll<HTMLInputElement>('input')) input.checked = false;
  for (const select of form.querySelectorAll<HTMLSelectElement>('select')) select.value = '';
}
