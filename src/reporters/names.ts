import type { AuditReport } from '../report.js';

/** A thing people read by name, with the id machines (and the inventory) use. */
export interface Named {
  id: string;
  /** Undefined when the inventory gives no name, or the name is the id itself. */
  name?: string;
  contact?: string;
}

/** Looks up the names behind a report's ids: touchpoints and owners. */
export interface ReportNames {
  touchpoint(id: string): Named;
  owner(id: string): Named;
}

/**
 * The names a report knows: touchpoint names from the scores and actions, owner names and
 * contacts from the roster (`inventory.owners`) and the owners' actions. An id nobody named
 * comes back with its id only.
 */
export function reportNames(report: AuditReport): ReportNames {
  const touchpoints = new Map<string, string>();
  for (const a of report.actions ?? []) {
    if (a.touchpoint !== undefined && a.touchpointName !== undefined)
      touchpoints.set(a.touchpoint, a.touchpointName);
  }
  for (const t of report.scores?.touchpoints ?? []) touchpoints.set(t.id, t.name);
  const owners = new Map<string, Named>();
  for (const o of report.actionsByOwner ?? [])
    owners.set(o.owner, named(o.owner, o.name, o.contact));
  for (const o of report.inventory.owners ?? []) owners.set(o.id, named(o.id, o.name, o.contact));
  return {
    touchpoint: (id) => named(id, touchpoints.get(id)),
    owner: (id) => owners.get(id) ?? { id },
  };
}

function named(id: string, name: string | undefined, contact?: string): Named {
  const out: Named = { id };
  if (name !== undefined && name !== '' && name !== id) out.name = name;
  if (contact !== undefined && contact !== '') out.contact = contact;
  return out;
}
