/*
 * The completeness check names the field that fixes each element by its path in the request's
 * fields ("purpose", "parties.1.location"); the form gives those inputs matching ids, so a link
 * of the completeness panel can take the keyboard straight there.
 */

export const fieldId = (path: string) => `request-field-${path.replaceAll('.', '-')}`;

/**
 * Focuses the input of `path`, or, when that item is not in the form (an empty list), the list
 * itself (its "add" button). Answers whether something took the focus.
 */
export function focusField(path: string): boolean {
  for (const candidate of [path, path.split('.')[0] ?? path]) {
    const element = document.getElementById(fieldId(candidate));
    if (element) {
      // jsdom has no scrolling; browsers bring the field into view before focusing it.
      element.scrollIntoView?.({ block: 'center' });
      element.focus();
      return true;
    }
  }
  return false;
}
