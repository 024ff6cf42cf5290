/** Prism exited, or did not listen in time, while {@link startMockServer} waited for it. */
export class MockServerStartError extends Error {
  override name = 'MockServerStartError';
  /** The last lines Prism printed, stdout and stderr alike. */
  readonly output: readonly string[];
  /** Whether Prism said the port was already taken (another process won the race for the free port). */
  readonly portInUse: boolean;
  /** The pid Prism had, if it started at all; it has exited by the time this error is thrown. */
  readonly pid: number | undefined;

  constructor(message: string, output: readonly string[], pid: number | undefined) {
    super(`${message}. Prism's last output:\n${output.slice(-15).join('\n')}`);
    this.output = output;
    this.pid = pid;
    this.portInUse = output.some((line) => line.includes('EADDRINUSE'));
  }
}
