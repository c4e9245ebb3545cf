/** The control a visible <label> names, found as a person (or a screen reader) would: by the label's own words. */
export function getByLabel(root: ParentNode, text: string): HTMLInputElement {
  const label = [...root.querySelectorAll('label')].find((each) => each.textContent?.trim() === text);
  if (!label) throw new Error(`No label "${text}".`);
  const control = label.htmlFor ? document.getElementById(label.htmlFor) : label.querySelector('input');
  if (!(control instanceof HTMLInputElement)) throw new Error(`The label "${text}" names no input.`);
  return control;
}

export function allByLabel(root: ParentNode, text: string): HTMLInputElement[] {
  return [...root.querySelectorAll('label')]
    .filter((each) => each.textContent?.trim() === text)
    .map((label) => (label.htmlFor ? document.getElementById(label.htmlFor) : label.querySelector('input')))
    .filter((control): control is HTMLInputElement => control instanceof HTMLInputElement);
}
