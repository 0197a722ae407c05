/**
 * The segment of everyone: the reference customer when the inventory declares no segments is
 * one undivided audience. Messages name it "all customers" (see `formatSegments`).
 */
export const ALL_SEGMENTS = '(all)';
