import type { Inventory, Location, Touchpoint } from '../types.js';

/** Where a finding about one field of a touchpoint points: the field, else the entry. */
export function touchpointLocation(touchpoint: Touchpoint, field?: string): Location {
  return (field !== undefined ? touchpoint.fields[field] : undefined) ?? touchpoint.location;
}

/**
 * Where a finding about a top-level inventory key points: the first of `keys` with a known
 * position, else line 1, column 1 of the first inventory file.
 */
export function inventoryLocation(inventory: Inventory, ...keys: string[]): Location {
  for (const key of keys) {
    const location = Object.hasOwn(inventory.locations, key) ? inventory.locations[key] : undefined;
    if (location) return location;
  }
  return { file: inventory.files[0] ?? '<inventory>', line: 1, column: 1 };
}
