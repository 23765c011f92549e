// The clinic's policy as a medical director reads it: each parameter with its value and what it means for a
// patient, the outcome of each reason, and every version with who made and approved it.

import { element, format } from './dom.js';
import { formatDate, formatInstant } from './result.js';

/** The contract's parameters in its order, with the control each takes in a draft. */
export const PARAMETERS = [
    { name: 'minimumAge', kind: 'integer' },
    { name: 'typicalAge', kind: 'integer' },
    { name: 'radiationWindowMonths', kind: 'integer' },
    { name: 'sessionIntervalDays', kind: 'integer' },
    { name: 'isotretinoinWindowMonths', kind: 'integer' },
    { name: 'pigmentationRiskMinimumType', kind: 'skinType' },
    { name: 'evaluatedNeedleDepthMm', kind: 'decimal' },
    { name: 'aspirinOutcome', kind: 'outcome' },
    { name: 'screeningValidityDays', kind: 'integer' },
    { name: 'clearanceMaxDays', kind: 'integer' },
];

export const OUTCOMES = ['INELIGIBLE', 'REFER_TO_PROVIDER'];

export const SKIN_TYPES = ['I', 'II', 'III', 'IV', 'V', 'VI'];

/** Every parameter the policy holds: the known ones in the contract's order, then any the service added. */
export function parametersOf(policy) {
    const known = PARAMETERS.filter((parameter) => parameter.name in policy.parameters);
    const added = Object.keys(policy.parameters).filter((name) => !PARAMETERS.some((p) => p.name === name))
        .map((name) => ({ name, kind: typeof policy.parameters[name] === 'number' ? 'decimal' : 'text' }));
    return [...known, ...added];
}

export function parameterLabel(name, strings) {
    return strings[`parameter.${name}`] || name;
}

export function displayValue(parameter, value, strings) {
    if (parameter.kind === 'skinType') {
        return SKIN_TYPES[value - 1] || String(value);
    }
    if (parameter.kind === 'outcome') {
        return strings[`outcome.${value}`] || String(value);
    }
    return String(value);
}

export function reasonLabel(code, strings) {
    return strings[`reasonLabel.${code}`] || code;
}

export function statusLabel(status, strings) {
    return strings[`policyStatus.${status}`] || status;
}

function explanation(parameter, value, strings) {
    const template = strings[`parameter.${parameter.name}.help`];
    return template ? format(template, { value: displayValue(parameter, value, strings) }) : '';
}

export function tableIn(id, caption, headings, rows) {
    const table = element('table', { className: 'data-table', id },
        element('caption', { id: `${id}-caption` }, caption),
        element('thead', {}, element('tr', {},
            ...headings.map((heading) => element('th', { attributes: { scope: 'col' } }, heading)))),
        element('tbody', {}, ...rows));
    // A wide table scrolls inside its own box, which the keyboard can reach, rather than widening the page.
    return element('div', {
        className: 'table-scroll', tabIndex: 0,
        attributes: { role: 'region', 'aria-labelledby': `${id}-caption` },
    }, table);
}

function identity(policy, strings, language) {
    const since = policy.effectiveFrom ? formatDate(policy.effectiveFrom, language)
        : policy.approvedAt ? formatInstant(policy.approvedAt, language) : null;
    return element('p', { className: 'policy-identity', id: 'policy-in-force-identity' },
        format(strings.policyVersionOf, { version: policy.version }), ' · ',
        element('span', { className: `status-badge status-${policy.status}` }, statusLabel(policy.status, strings)),
        since ? [' · ', `${strings.policyInForceSince} `, since] : null);
}

export function renderInForce(container, policy, strings, language) {
    const parameters = parametersOf(policy).flatMap((parameter) => {
        const value = policy.parameters[parameter.name];
        return [
            element('dt', {}, parameterLabel(parameter.name, strings), ' ', element('code', {}, parameter.name)),
            element('dd', { dataset: { parameter: parameter.name } },
                element('span', { className: 'parameter-value' }, displayValue(parameter, value, strings)),
                element('span', { className: 'parameter-help' }, explanation(parameter, value, strings))),
        ];
    });
    const outcomes = Object.entries(policy.outcomes).map(([code, outcome]) =>
        element('tr', { dataset: { code } },
            element('th', { attributes: { scope: 'row' } }, reasonLabel(code, strings)),
            element('td', {}, element('code', {}, code)),
            element('td', { dataset: { outcome } }, strings[`outcome.${outcome}`] || outcome)));
    container.replaceChildren(
        identity(policy, strings, language),
        element('dl', { className: 'policy-parameters' }, ...parameters),
        tableIn('policy-outcomes', strings.policyOutcomesCaption,
            [strings.reasonColumn, strings.codeColumn, strings.outcomeColumn], outcomes));
}

function person(name, at, language) {
    return name ? [name, at ? element('br') : null, at ? formatInstant(at, language) : null] : '–';
}

export function renderVersions(container, versions, strings, language) {
    const rows = versions.map((policy) => element('tr', { dataset: { version: policy.version, status: policy.status } },
        element('th', { attributes: { scope: 'row' } }, String(policy.version)),
        element('td', {}, element('span', { className: `status-badge status-${policy.status}` },
            statusLabel(policy.status, strings))),
        element('td', {}, person(policy.createdBy, policy.createdAt, language)),
        element('td', {}, person(policy.approvedBy, policy.approvedAt, language)),
        element('td', {}, policy.effectiveFrom ? formatDate(policy.effectiveFrom, language) : '–'),
        element('td', { className: 'policy-note' }, policy.note || '–')));
    container.replaceChildren(tableIn('policy-versions-table', strings.policyVersionsCaption,
        [strings.versionColumn, strings.statusColumn, strings.createdColumn, strings.approvedColumn,
            strings.effectiveFromColumn, strings.noteColumn], rows));
}
