/**
 * The returns queue's age filter: requested this many days ago, inclusive ranges (null: no
 * upper bound). The filter's keys are what the queue's URL carries (`?age=3-7`).
 */
export const QUEUE_AGE_BUCKETS = { "0-2": [0, 2], "3-7": [3, 7], "8-30": [8, 30], "31+": [31, null] } as const satisfies Record<
  string,
  readonly [number, number | null]
>;
