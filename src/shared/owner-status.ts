import type { Inventory, Touchpoint } from '../types.js';
import { isPlaceholder } from './placeholder.js';

export type OwnerStatus = 'ok' | 'missing' | 'placeholder' | 'unknown';

/** Whether the owner is usable: present, not a placeholder, and in the roster when one exists. */
export function ownerStatus(touchpoint: Touchpoint, inventory: Inventory): OwnerStatus {
  const owner = touchpoint.owner;
  if (owner === undefined) return 'missing';
  if (isPlaceholder(owner)) return 'placeholder';
  if (inventory.owners && !inventory.owners.some((o) => o.id === owner)) return 'unknown';
  return 'ok';
}
