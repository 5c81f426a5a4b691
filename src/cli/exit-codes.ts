/** Exit codes, documented in the README. */
export const EXIT = {
  ok: 0,
  invalidInput: 1,
  usage: 2,
  failure: 3,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
