/** The app's one clock; everything that asks "what time is it" asks here. */
export function now(): Date {
  return new Date();
}
