// A module of its own, with no imports: the CLI's entry reads it at start-up.
/** The inventory a command reads when given none (what `touchpoint init` writes). */
export const DEFAULT_INVENTORY = 'touchpoints.yaml';
