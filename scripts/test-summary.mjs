// Prints one closing line for CI from the JSON reports vitest wrote: "Tests: N passed, N failed".
import fs from 'node:fs';
import path from 'node:path';

const dir = path.resolve(import.meta.dirname, '..', 'test-results');
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of ['unit.json', 'e2e.json']) {
  const full = path.join(dir, file);
  if (!fs.existsSync(full)) {
    console.error(`No test report at ${full}: that suite did not run.`);
    process.exit(1);
  }
  const report = JSON.parse(fs.readFileSync(full, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
}
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
