/** The bench's Markdown report: one table row per figure, with its baseline and target. */
import type { ScenarioResult } from './scenarios';

export type RunInfo = {
	startedAt: string;
	scale: string;
	engine: string;
	connections: number;
	latencyConnections: number;
	durationS: number;
	warmupS: number;
	host: string;
	counts: Record<string, number>;
	commit: string;
	/** 1/5/15-minute load averages: other work on the machine makes every figure move. */
	loadAverage: { start: number[]; end: number[] };
};

const cell = (s: string | undefined) => (s ?? '').replace(/\|/g, '\\|');

export function markdownReport(info: RunInfo, scenarios: ScenarioResult[], errors: string[]): string {
	const lines: string[] = [];
	lines.push(`# Simpul bench — ${info.scale} scale on ${info.engine}`);
	lines.push('');
	lines.push(
		`${info.startedAt} · commit ${info.commit} · ${info.host} · ${info.connections} connections for throughput, ${info.latencyConnections} for latency · ${info.warmupS} s warm-up + ${info.durationS} s per measurement`
	);
	const busy = Math.max(info.loadAverage.start[0], info.loadAverage.end[0]);
	lines.push('');
	lines.push(
		`Load average (1/5/15 min) at start ${info.loadAverage.start.join(' / ')}, at end ${info.loadAverage.end.join(' / ')}${busy > 2.5 ? ' — **the machine was busy with other work: figures are pessimistic and noisy**' : ''}`
	);
	const counts = Object.entries(info.counts);
	if (counts.length) lines.push('', `Data: ${counts.map(([k, v]) => `${v.toLocaleString('en-US')} ${k}`).join(', ')}`);
	lines.push('');
	lines.push('| Scenario | Measure | Simpul | Baseline | Target | |');
	lines.push('|---|---|---:|---:|---|:-:|');
	for (const s of scenarios) {
		s.figures.forEach((f, i) => {
			const mark = f.ok === undefined ? '' : f.ok ? '✔' : '✘';
			lines.push(`| ${i === 0 ? cell(s.title) : ''} | ${cell(f.measure)} | ${cell(f.value)} | ${cell(f.baseline)} | ${cell(f.target)} | ${mark} |`);
		});
		if (!s.figures.length) lines.push(`| ${cell(s.title)} | (no figures) | | | | ✘ |`);
	}
	lines.push('');
	for (const s of scenarios) {
		if (!s.notes.length) continue;
		lines.push(`- **${s.title}**: ${s.notes.join('; ')}`);
	}
	lines.push('');
	if (errors.length) {
		lines.push(`**Errors (${errors.length})** — the run exits non-zero:`);
		for (const e of errors) lines.push(`- ${e}`);
	} else {
		lines.push('No errors: every response was 2xx/3xx as expected, clicks and reports match, no duplicate mail. Missed targets (✘) do not fail the run.');
	}
	lines.push('');
	return lines.join('\n');
}
