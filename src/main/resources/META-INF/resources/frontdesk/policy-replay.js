// A replay report: what a version would have decided differently over a period, as tables a medical director
// can read aloud, with a few of the screenings that would change, each one a link to the recorded decision.

import { append, element, format } from './dom.js';
import { formatDate } from './result.js';
import { reasonLabel, tableIn } from './policy-summary.js';

function outcomeText(outcome, strings) {
    return strings[`outcome.${outcome}`] || outcome;
}

function transitions(report, strings) {
    if (!report.transitions.length) {
        return element('p', { className: 'replay-none' }, strings.replayNoChange);
    }
    return tableIn('replay-transitions', strings.replayTransitionsCaption,
        [strings.replayFromColumn, strings.replayToColumn, strings.replayCountColumn],
        report.transitions.map((row) => element('tr', { dataset: { from: row.from, to: row.to } },
            element('td', {}, outcomeText(row.from, strings)),
            element('td', {}, outcomeText(row.to, strings)),
            element('td', { className: 'number' }, String(row.count)))));
}

function reasons(report, strings) {
    if (!report.reasons.length) {
        return null;
    }
    return tableIn('replay-reasons', strings.replayReasonsCaption,
        [strings.reasonColumn, strings.codeColumn, strings.replayAddedColumn, strings.replayRemovedColumn],
        report.reasons.map((row) => element('tr', { dataset: { code: row.code } },
            element('th', { attributes: { scope: 'row' } }, reasonLabel(row.code, strings)),
            element('td', {}, element('code', {}, row.code)),
            element('td', { className: 'number', dataset: { column: 'added' } }, String(row.added)),
            element('td', { className: 'number', dataset: { column: 'removed' } }, String(row.removed)))));
}

function examples(report, strings, onExample) {
    if (!report.examples.length) {
        return null;
    }
    const items = report.examples.map((example) => {
        const link = element('a', {
            href: `api/v1/screenings/${encodeURIComponent(example.screeningId)}`,
            dataset: { screeningId: example.screeningId },
        }, element('code', {}, example.screeningId));
        link.addEventListener('click', (event) => {
            event.preventDefault();
            onExample(example.screeningId);
        });
        return element('li', {}, link, ': ', outcomeText(example.before, strings), ' → ',
            outcomeText(example.after, strings));
    });
    return [element('h5', {}, strings.replayExamples), element('p', { className: 'help' }, strings.replayExamplesHelp),
        element('ul', { className: 'replay-examples' }, ...items)];
}

/** Shows the report and returns its heading, for the caller to focus. */
export function renderReplay(container, report, strings, language, onExample) {
    const heading = element('h4', { id: 'replay-heading', tabIndex: -1 },
        format(strings.replayHeading, { version: report.version }), ' ',
        formatDate(report.from, language), ' – ', formatDate(report.to, language));
    container.replaceChildren();
    append(container, [heading,
        element('p', { className: 'replay-summary' },
            format(strings.replaySummary, { changed: report.changed, screenings: report.screenings })),
        transitions(report, strings),
        reasons(report, strings),
        examples(report, strings, onExample)]);
    container.dataset.version = String(report.version);
    return heading;
}
