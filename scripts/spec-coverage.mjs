#!/usr/bin/env node
// npm run spec:coverage: for each spec in specs/, how many methods of its seed library (../shared/seeds) and how
// many operations of the vendor's official OpenAPI document (../shared/reference, where there is one) it covers,
// per tag, and which ones it lacks. Reads only; exits 1 if a seed method maps to an operation our spec lacks.
import { listSpecs } from './lib/specs.mjs';
import { vendorCoverage } from './lib/spec-coverage.mjs';
import { formatCoverage } from './lib/spec-coverage-table.mjs';

const reports = listSpecs().map(({ vendor, file }) => vendorCoverage(vendor, file));
console.log(reports.map(formatCoverage).join('\n\n'));
if (reports.some((report) => report.seed && report.seed.covered < report.seed.total)) process.exitCode = 1;
