// The `any` keywords of a declaration file, found with TypeScript's own scanner so comments and strings don't count.
import ts from 'typescript';

/** 1-based line numbers of every `any` keyword in `text`. */
export function anyKeywordLines(text) {
  const lines = [];
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === ts.SyntaxKind.AnyKeyword) lines.push(text.slice(0, scanner.getTokenStart()).split('\n').length);
  }
  return lines;
}
