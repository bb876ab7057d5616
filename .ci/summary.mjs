// Prints one "N passed, N failed" line over every runner's JSON report.
import { readFileSync } from 'node:fs';

let passed = 0, failed = 0, skipped = 0;
for (const file of process.argv.slice(2)) {
	const report = JSON.parse(readFileSync(file, 'utf8'));
	if ('numPassedTests' in report) {
		passed += report.numPassedTests;
		failed += report.numFailedTests;
		skipped += report.numPendingTests + (report.numTodoTests ?? 0);
		console.log(`${file}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
	} else if (report.stats) {
		const s = report.stats;
		passed += s.expected + s.flaky;
		failed += s.unexpected;
		skipped += s.skipped;
		console.log(`${file}: ${s.expected + s.flaky} passed, ${s.unexpected} failed${s.flaky ? ` (${s.flaky} flaky)` : ''}`);
	}
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
