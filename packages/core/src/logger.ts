/** The logger a client may be given (off by default). `console` fits. Lines are redacted before they get here. */
export interface Logger {
  debug(message: string): void;
  warn(message: string): void;
}
