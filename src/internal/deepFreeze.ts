/** Freezes a plain-data value and everything inside it (objects and arrays), and returns it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.freeze(value);
    // Inner values are visited even when this one was frozen already: a shallow freeze elsewhere is not enough.
    for (const inner of Object.values(value)) if (typeof inner === 'object' && inner !== null && !isDeepFrozen(inner)) deepFreeze(inner);
  }
  return value;
}

function isDeepFrozen(value: object): boolean {
  return Object.isFrozen(value) && Object.values(value).every((inner) => typeof inner !== 'object' || inner === null || isDeepFrozen(inner));
}
