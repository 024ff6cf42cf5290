/**
 * The logger a client may be given (off by default). `console` fits. Lines are redacted before they get here.
 * A logger without `info` gets the info lines on `debug`.
 */
export interface Logger {
  debug(message: string): void;
  info?(message: string): void;
  warn(message: string): void;
}

/** The logger of `APICLIENTS_LOG` and `logLevel` when none is given: every line on standard error, prefixed. */
export const STDERR_LOGGER: Logger = {
  debug: (message) => console.error(`[apiclients] ${message}`),
  info: (message) => console.error(`[apiclients] ${message}`),
  warn: (message) => console.error(`[apiclients] ${message}`),
};
