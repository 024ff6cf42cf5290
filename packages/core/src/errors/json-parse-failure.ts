/**
 * What a failed `JSON.parse` may keep as an error's `cause`. V8's own message quotes the body
 * (`Unexpected token 'o', "tok_abcdefg"... is not valid JSON`): up to 20 characters, a short token whole, that no
 * redactor knows. The cause keeps only where parsing stopped.
 */
export function jsonParseFailure(error: unknown): SyntaxError {
  const message = error instanceof Error ? error.message : '';
  const position = /\bposition (\d{1,12})\b/.exec(message)?.[1];
  const ended = message.includes('end of JSON input');
  return new SyntaxError(`Not valid JSON${position !== undefined ? ` (at position ${position})` : ended ? ' (ended early)' : ''}`);
}
