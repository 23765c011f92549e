// The form for a new draft. Every control is named by the path the API's violations use
// (parameters.minimumAge, outcomes.ECZEMA), so the questionnaire's field-error display serves it unchanged.

import { element, format } from './dom.js';
import { controlId } from './form.js';
import {
    OUTCOMES, SKIN_TYPES, displayValue, parameterLabel, parametersOf, reasonLabel, statusLabel,
} from './policy-summary.js';

function fieldError(path) {
    return element('p', { className: 'field-error', id: controlId(path, 'error'), hidden: true });
}

function outcomeSelect(path, value, strings) {
    return element('select', { id: controlId(path), name: path },
        ...OUTCOMES.map((outcome) => {
            const option = element('option', { value: outcome }, strings[`outcome.${outcome}`]);
            option.selected = outcome === value;
            return option;
        }));
}

function parameterControl(parameter, path, value, strings) {
    const helpId = controlId(path, 'help');
    const attributes = { 'aria-describedby': helpId };
    if (parameter.kind === 'outcome') {
        const select = outcomeSelect(path, value, strings);
        select.setAttribute('aria-describedby', helpId);
        return select;
    }
    if (parameter.kind === 'skinType') {
        return element('select', { id: controlId(path), name: path, attributes },
            ...SKIN_TYPES.map((numeral, index) => {
                const option = element('option', { value: String(index + 1) }, numeral);
                option.selected = index + 1 === value;
                return option;
            }));
    }
    attributes.inputmode = parameter.kind === 'integer' ? 'numeric' : 'decimal';
    attributes.step = parameter.kind === 'integer' ? '1' : '0.1';
    const type = parameter.kind === 'text' ? 'text' : 'number';
    return element('input', { id: controlId(path), name: path, type, value: String(value), autocomplete: 'off', attributes });
}

function parameterItem(parameter, basis, strings) {
    const path = `parameters.${parameter.name}`;
    const value = basis.parameters[parameter.name];
    const template = strings[`parameter.${parameter.name}.help`];
    const help = template ? format(template, { value: displayValue(parameter, value, strings) }) : '';
    return element('div', { className: 'item', dataset: { path, kind: parameter.kind } },
        element('label', { htmlFor: controlId(path) }, parameterLabel(parameter.name, strings), ' ',
            element('code', {}, parameter.name)),
        element('p', { className: 'help', id: controlId(path, 'help') },
            `${format(strings.draftBasisValue, { version: basis.version })} ${help}`),
        parameterControl(parameter, path, value, strings),
        fieldError(path));
}

function outcomeItem(code, outcome, strings) {
    const path = `outcomes.${code}`;
    return element('div', { className: 'item outcome-item', dataset: { path } },
        element('label', { htmlFor: controlId(path) }, reasonLabel(code, strings), ' ', element('code', {}, code)),
        outcomeSelect(path, outcome, strings),
        fieldError(path));
}

function basedOnItem(versions, basis, strings) {
    const path = 'basedOn';
    const select = element('select', { id: controlId(path), name: path },
        ...versions.map((policy) => {
            const option = element('option', { value: String(policy.version) },
                `${format(strings.policyVersionOf, { version: policy.version })} (${statusLabel(policy.status, strings)})`);
            option.selected = policy.version === basis.version;
            return option;
        }));
    return element('div', { className: 'item', dataset: { path } },
        element('label', { htmlFor: controlId(path) }, strings.draftBasedOn), select, fieldError(path));
}

/** Fills the form with the values of the version it is based on; a change of that version refills it. */
export function renderDraftForm(container, versions, basis, strings) {
    const note = 'note';
    container.replaceChildren(
        basedOnItem(versions, basis, strings),
        element('fieldset', { className: 'section', dataset: { section: 'parameters' } },
            element('legend', {}, strings.draftParameters),
            ...parametersOf(basis).map((parameter) => parameterItem(parameter, basis, strings))),
        element('fieldset', { className: 'section', dataset: { section: 'outcomes' } },
            element('legend', {}, strings.draftOutcomes),
            element('p', { className: 'help' }, strings.draftOutcomesHelp),
            ...Object.entries(basis.outcomes).map(([code, outcome]) => outcomeItem(code, outcome, strings))),
        element('div', { className: 'item', dataset: { path: note } },
            element('label', { htmlFor: controlId(note) }, strings.draftNote),
            element('p', { className: 'help', id: controlId(note, 'help') }, strings.draftNoteHelp),
            element('textarea', {
                id: controlId(note), name: note, attributes: { rows: '3', 'aria-describedby': controlId(note, 'help') },
            }),
            fieldError(note)));
    container.querySelector('[name="basedOn"]').addEventListener('change', (event) => {
        const chosen = versions.find((policy) => String(policy.version) === event.target.value);
        const kept = container.querySelector('[name="note"]').value;
        renderDraftForm(container, versions, chosen, strings);
        container.querySelector('[name="note"]').value = kept;
        container.querySelector('[name="basedOn"]').focus();
    });
}

function readParameter(control, kind) {
    const raw = control.value.trim();
    if (kind === 'integer' || kind === 'decimal' || kind === 'skinType') {
        return raw === '' ? undefined : Number(raw);
    }
    return raw;
}

/**
 * The draft request, carrying only what differs from the version it is based on (the API takes the rest from
 * there), and the slips the page can see itself: { body, violations: [{ field, message }] }.
 */
export function collectDraft(container, basis, strings) {
    const body = { basedOn: basis.version, parameters: {}, outcomes: {} };
    const violations = [];
    for (const parameter of parametersOf(basis)) {
        const path = `parameters.${parameter.name}`;
        const control = container.querySelector(`[name="${path}"]`);
        const value = readParameter(control, parameter.kind);
        if (value === undefined || (typeof value === 'number' && Number.isNaN(value))) {
            violations.push({ field: path, message: strings.checkNumber });
        } else if (value !== basis.parameters[parameter.name]) {
            body.parameters[parameter.name] = value;
        }
    }
    for (const [code, outcome] of Object.entries(basis.outcomes)) {
        const chosen = container.querySelector(`[name="outcomes.${code}"]`).value;
        if (chosen !== outcome) {
            body.outcomes[code] = chosen;
        }
    }
    const note = container.querySelector('[name="note"]').value.trim();
    if (note) {
        body.note = note;
    }
    return { body, violations };
}
