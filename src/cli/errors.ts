/**
 * How the command line fails: exit 1 for invalid input (a clear message, no
 * stack trace), 2 for usage errors (with the usage), anything else for faults.
 */
import type { Lang } from '../i18n/index.js';

export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 3;

/** A problem with what the user gave us: printed as is, exit 1. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = EXIT_INVALID,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** A wrong flag or argument: printed with the usage hint (in `lang`, the language of the message), exit 2. */
export class UsageError extends UserError {
  constructor(
    message: string,
    readonly lang: Lang = 'en',
  ) {
    super(message, EXIT_USAGE);
    this.name = 'UsageError';
  }
}
