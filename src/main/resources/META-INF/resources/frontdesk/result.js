// Shows a ScreeningResult. The outcome is told by a word, a colour and a shape together, so that it
// survives colour blindness and a black-and-white printer.

import { element } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';

// A circle with a tick, an octagon with a cross, a triangle with an exclamation mark.
const ICONS = {
    ELIGIBLE: ['M16 2a14 14 0 1 0 0 28a14 14 0 1 0 0-28z', 'M9 16.5l4.5 4.5L23 11.5'],
    INELIGIBLE: ['M10.2 2h11.6L30 10.2v11.6L21.8 30H10.2L2 21.8V10.2z', 'M11 11l10 10M21 11L11 21'],
    REFER_TO_PROVIDER: ['M16 2L31 29H1z', 'M16 11v9M16 23.5v1.5'],
};

function icon(outcome) {
    const [shape, mark] = ICONS[outcome] || ICONS.REFER_TO_PROVIDER;
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 32 32');
    svg.setAttribute('class', 'outcome-icon');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    const background = document.createElementNS(SVG, 'path');
    background.setAttribute('d', shape);
    const foreground = document.createElementNS(SVG, 'path');
    foreground.setAttribute('d', mark);
    foreground.setAttribute('fill', 'none');
    foreground.setAttribute('stroke', '#ffffff');
    foreground.setAttribute('stroke-width', '3.5');
    foreground.setAttribute('stroke-linecap', 'round');
    foreground.setAttribute('stroke-linejoin', 'round');
    svg.append(background, foreground);
    return svg;
}

export function formatDate(iso, language) {
    if (!iso) {
        return '';
    }
    const date = new Date(`${iso}T00:00:00Z`);
    const text = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
    return element('time', { dateTime: iso }, text);
}

export function formatInstant(iso, language) {
    const text = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'long' }).format(new Date(iso));
    return element('time', { dateTime: iso }, text);
}

function outcomeBanner(outcome, strings) {
    return element('div', { className: `outcome-banner outcome-${outcome}` },
        icon(outcome),
        element('div', {},
            element('p', { className: 'outcome-word' },
                strings[`outcome.${outcome}`],
                element('code', { className: 'outcome-code' }, outcome)),
            element('p', { className: 'outcome-explanation' }, strings[`explanation.${outcome}`])));
}

function meta(result, strings, language) {
    const rows = [
        ['screeningId', element('code', {}, result.screeningId)],
        ['asOf', formatDate(result.asOf, language)],
        ['evaluatedAt', formatInstant(result.evaluatedAt, language)],
        ['ruleset', `${result.ruleset.name} ${result.ruleset.version}`],
    ];
    if (result.externalReference) {
        rows.push(['externalReference', result.externalReference]);
    }
    if (result.screenedBy) {
        rows.push(['screenedBy', result.screenedBy.name]);
    }
    return element('dl', { className: 'result-meta' },
        ...rows.flatMap(([key, value]) => [element('dt', {}, strings[key]), element('dd', { dataset: { field: key } },
            value)]));
}

function reason(item, strings, language) {
    return element('li', { className: 'reason', dataset: { code: item.code, outcome: item.outcome } },
        element('p', { className: 'reason-head' },
            element('span', { className: `badge outcome-${item.outcome}` }, strings[`outcome.${item.outcome}`]),
            ' ',
            element('code', {}, item.code)),
        element('p', { className: 'reason-message' }, item.message),
        item.reassessAfter ? element('p', { className: 'reassess' }, `${strings.reassessAfter} `,
            formatDate(item.reassessAfter, language)) : null,
        item.evidence && item.evidence.length ? element('p', { className: 'reason-detail' },
            `${strings.evidenceLabel}: `, item.evidence.join('; ')) : null,
        item.source ? element('p', { className: 'reason-detail reason-source' },
            `${strings.sourceLabel}: ${item.source}`) : null);
}

function advisory(item, strings) {
    return element('li', { className: 'advisory', dataset: { code: item.code } },
        element('code', {}, item.code), ' ',
        element('span', {}, item.message),
        item.evidence && item.evidence.length ? element('p', { className: 'reason-detail' },
            `${strings.evidenceLabel}: `, item.evidence.join('; ')) : null);
}

/**
 * @param idPrefix names the heading and print button, so that two results can share the page
 * @param extraActions shown beside the print button (the patient's sheet), or null
 */
export function renderResult(container, result, strings, language, onPrint, idPrefix = 'result', extraActions = null) {
    const heading = element('h2', { id: `${idPrefix}-heading`, tabIndex: -1 }, strings.resultHeading);
    const parts = [heading, outcomeBanner(result.outcome, strings), meta(result, strings, language)];
    if (result.reasons.length) {
        parts.push(element('h3', {}, strings.reasonsHeading),
            element('ol', { className: 'reasons' }, ...result.reasons.map((item) => reason(item, strings, language))));
    }
    if (result.advisories.length) {
        parts.push(element('h3', {}, strings.advisoriesHeading),
            element('ul', { className: 'advisories' }, ...result.advisories.map((item) => advisory(item, strings))));
    }
    if (result.notAssessed.length) {
        parts.push(element('h3', {}, strings.notAssessedHeading),
            element('p', {}, strings.notAssessedHelp),
            element('ul', { className: 'not-assessed' },
                ...result.notAssessed.map((code) => element('li', { dataset: { code } }, element('code', {}, code)))));
    }
    const print = element('button', { type: 'button', id: `print-${idPrefix}` }, strings.print);
    print.addEventListener('click', onPrint);
    parts.push(element('div', { className: 'actions result-actions' }, print, extraActions));
    container.replaceChildren(...parts);
    container.dataset.outcome = result.outcome;
    container.setAttribute('aria-labelledby', heading.id);
    return heading;
}

export function clearResult(container) {
    container.replaceChildren();
    delete container.dataset.outcome;
    container.removeAttribute('aria-labelledby');
}
