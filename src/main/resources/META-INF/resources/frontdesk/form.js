// Builds the questionnaire form from GET /api/v1/questionnaire. Every answer control is named by the
// contract's JSON path, so integrators can script the page with the same names the API uses.

import { element, format } from './dom.js';

const MEDICATIONS = 'medications';

export function controlId(path, suffix) {
    const id = 'field-' + path.replace(/[^A-Za-z0-9]/g, '-');
    return suffix === undefined ? id : `${id}-${suffix}`;
}

export function renderForm(container, definition, strings) {
    container.replaceChildren(...definition.sections.map((section) => renderSection(section, definition, strings)));
    wireConditions(container, definition);
}

function renderSection(section, definition, strings) {
    const fieldset = element('fieldset', { className: 'section', dataset: { section: section.id } },
        element('legend', {}, section.title));
    const groups = definition.atLeastOneOf || [];
    for (const item of section.items) {
        if (groups.some((group) => group[0] === item.path)) {
            fieldset.append(element('p', { className: 'help at-least-one-of' }, strings.atLeastOneOf));
        }
        fieldset.append(renderItem(item, strings));
    }
    return fieldset;
}

function renderItem(item, strings) {
    switch (item.type) {
        case 'answer':
            return radioGroup(item, strings);
        case 'stringList':
            return medicationList(item, strings);
        case 'boolean':
            return checkbox(item, strings);
        default:
            return labelledInput(item, strings);
    }
}

function questionText(item, strings) {
    const parts = [item.question];
    if (item.required) {
        parts.push(' ', element('span', { className: 'required' }, `(${strings.required})`));
    }
    return parts;
}

function help(item) {
    return item.help ? element('p', { className: 'help', id: controlId(item.path, 'help') }, item.help) : null;
}

function fieldError(item) {
    return element('p', { className: 'field-error', id: controlId(item.path, 'error'), hidden: true });
}

function describedBy(item) {
    return item.help ? controlId(item.path, 'help') : null;
}

function itemWrapper(tag, item, ...children) {
    return element(tag, { className: 'item', id: controlId(item.path, 'item'), dataset: { path: item.path } },
        ...children);
}

function radioGroup(item, strings) {
    const options = item.options.map((option) => {
        const id = controlId(item.path, option.value);
        return element('span', { className: 'option' },
            element('input', {
                type: 'radio', id, name: item.path, value: option.value, required: item.required,
                attributes: { 'aria-describedby': describedBy(item) },
            }),
            element('label', { htmlFor: id }, option.label));
    });
    return itemWrapper('fieldset', item,
        element('legend', {}, ...questionText(item, strings)),
        help(item),
        element('div', { className: 'options' }, ...options),
        fieldError(item));
}

function labelledInput(item, strings) {
    const id = controlId(item.path);
    const control = item.type === 'skinType' ? skinTypeSelect(item, strings, id) : input(item, id);
    return itemWrapper('div', item,
        element('label', { htmlFor: id }, ...questionText(item, strings)),
        help(item),
        control,
        fieldError(item));
}

function skinTypeSelect(item, strings, id) {
    return element('select', {
        id, name: item.path, required: item.required, attributes: { 'aria-describedby': describedBy(item) },
    },
    element('option', { value: '' }, strings.notAnswered),
    ...item.options.map((option) => element('option', { value: option.value }, option.label)));
}

function input(item, id) {
    const attributes = { 'aria-describedby': describedBy(item) };
    const properties = { id, name: item.path, required: item.required, attributes };
    if (item.type === 'date') {
        return element('input', { ...properties, type: 'date' });
    }
    if (item.type === 'integer' || item.type === 'decimal') {
        attributes.inputmode = item.type === 'integer' ? 'numeric' : 'decimal';
        attributes.step = item.type === 'integer' ? '1' : '0.1';
        if (item.minimum !== undefined) {
            attributes.min = String(item.minimum);
        }
        if (item.maximum !== undefined) {
            attributes.max = String(item.maximum);
        }
        return element('input', { ...properties, type: 'number' });
    }
    if (item.maxLength) {
        attributes.maxlength = String(item.maxLength);
    }
    return element('input', { ...properties, type: 'text', autocomplete: 'off' });
}

function checkbox(item, strings) {
    const id = controlId(item.path);
    return itemWrapper('div', item,
        element('div', { className: 'checkbox-item' },
            element('input', {
                type: 'checkbox', id, name: item.path, value: 'true',
                attributes: { 'aria-describedby': describedBy(item) },
            }),
            element('label', { htmlFor: id, className: 'question-label' }, ...questionText(item, strings))),
        help(item),
        fieldError(item));
}

function medicationList(item, strings) {
    const add = element('button', { type: 'button', className: 'add-row', id: controlId(item.path, 'add') },
        strings.addMedicine);
    const fieldset = itemWrapper('fieldset', item,
        element('legend', {}, ...questionText(item, strings)),
        help(item),
        element('ol', { className: 'medication-rows', id: controlId(item.path, 'rows') }),
        add,
        fieldError(item));
    fieldset.dataset.maxItems = item.maxItems || '';
    fieldset.dataset.maxLength = item.maxLength || '';
    add.addEventListener('click', () => {
        addMedicationRow(fieldset, strings).querySelector('input').focus();
    });
    addMedicationRow(fieldset, strings);
    return fieldset;
}

export function addMedicationRow(fieldset, strings, value = '') {
    const rows = fieldset.querySelector('.medication-rows');
    const input = element('input', {
        type: 'text', name: MEDICATIONS, value, autocomplete: 'off',
        attributes: fieldset.dataset.maxLength ? { maxlength: fieldset.dataset.maxLength } : {},
    });
    const label = element('label');
    const remove = element('button', { type: 'button', className: 'remove-row' }, strings.removeMedicine);
    const row = element('li', { className: 'medication-row' }, label, input, remove,
        element('p', { className: 'field-error', hidden: true }));
    remove.addEventListener('click', () => {
        const next = row.nextElementSibling || row.previousElementSibling;
        row.remove();
        numberMedicationRows(fieldset, strings);
        (next ? next.querySelector('input') : fieldset.querySelector('.add-row')).focus();
    });
    rows.append(row);
    numberMedicationRows(fieldset, strings);
    return row;
}

function numberMedicationRows(fieldset, strings) {
    const rows = [...fieldset.querySelectorAll('.medication-row')];
    rows.forEach((row, index) => {
        const n = index + 1;
        const id = controlId(MEDICATIONS, index);
        const input = row.querySelector('input');
        const error = row.querySelector('.field-error');
        input.id = id;
        error.id = `${id}-error`;
        row.querySelector('label').htmlFor = id;
        row.querySelector('label').textContent = format(strings.medicineLabel, { n });
        row.querySelector('.remove-row').setAttribute('aria-label', format(strings.removeMedicineLabel, { n }));
    });
    const maxItems = Number(fieldset.dataset.maxItems) || Infinity;
    fieldset.querySelector('.add-row').disabled = rows.length >= maxItems;
}

/** Items that only apply after some answer (an end date after "radiation: yes") follow that answer. */
function wireConditions(container, definition) {
    const conditional = definition.sections.flatMap((section) => section.items).filter((item) => item.shownWhen);
    const update = () => {
        for (const item of conditional) {
            const chosen = container.querySelector(`input[name="${item.shownWhen.path}"]:checked`);
            const shown = chosen !== null && item.shownWhen.answers.includes(chosen.value);
            container.querySelector(`[data-path="${item.path}"]`).hidden = !shown;
        }
    };
    container.addEventListener('change', update);
    update();
}

/** The request body for the answers given; blank and hidden items are left out, as the contract reads absence. */
export function collectAnswers(container, definition) {
    const body = { patient: {}, history: {} };
    const medicationInputs = [];
    for (const item of definition.sections.flatMap((section) => section.items)) {
        const wrapper = container.querySelector(`[data-path="${item.path}"]`);
        if (!wrapper || wrapper.hidden) {
            continue;
        }
        const value = readItem(wrapper, item, medicationInputs);
        if (value !== undefined) {
            setPath(body, item.path, value);
        }
    }
    return { body, medicationInputs };
}

function readItem(wrapper, item, medicationInputs) {
    if (item.type === 'answer') {
        const chosen = wrapper.querySelector('input[type="radio"]:checked');
        return chosen ? chosen.value : undefined;
    }
    if (item.type === 'boolean') {
        return wrapper.querySelector('input[type="checkbox"]').checked ? true : undefined;
    }
    if (item.type === 'stringList') {
        const filled = [...wrapper.querySelectorAll('input[name]')].filter((input) => input.value.trim() !== '');
        medicationInputs.push(...filled);
        return filled.length ? filled.map((input) => input.value.trim()) : undefined;
    }
    const control = wrapper.querySelector(`[name="${item.path}"]`);
    const raw = control.value.trim();
    if (raw === '') {
        return undefined;
    }
    if (item.type === 'integer' || item.type === 'decimal') {
        return Number(raw);
    }
    return raw;
}

function setPath(target, path, value) {
    const names = path.split('.');
    let node = target;
    for (const name of names.slice(0, -1)) {
        node[name] = node[name] || {};
        node = node[name];
    }
    node[names[names.length - 1]] = value;
}

/** What the receptionist has entered, to carry across a change of language. */
export function snapshot(container) {
    return {
        checked: [...container.querySelectorAll('input[type="radio"]:checked, input[type="checkbox"]:checked')]
            .map((input) => input.id),
        values: [...container.querySelectorAll('input[name]:not([type="radio"]):not([type="checkbox"]), select')]
            .filter((control) => control.name !== MEDICATIONS)
            .map((control) => [control.id, control.value]),
        medications: [...container.querySelectorAll(`input[name="${MEDICATIONS}"]`)].map((input) => input.value),
    };
}

export function restore(container, state, strings) {
    for (const id of state.checked) {
        const input = document.getElementById(id);
        if (input) {
            input.checked = true;
        }
    }
    for (const [id, value] of state.values) {
        const control = document.getElementById(id);
        if (control) {
            control.value = value;
        }
    }
    const list = container.querySelector(`[data-path="${MEDICATIONS}"]`);
    if (list && state.medications.length) {
        list.querySelectorAll('.medication-row').forEach((row) => row.remove());
        state.medications.forEach((value) => addMedicationRow(list, strings, value));
    }
    container.dispatchEvent(new Event('change'));
}

export function clearFieldErrors(container) {
    for (const error of container.querySelectorAll('.field-error')) {
        error.hidden = true;
        error.textContent = '';
    }
    for (const control of container.querySelectorAll('[aria-invalid]')) {
        control.removeAttribute('aria-invalid');
        const ids = (control.getAttribute('aria-describedby') || '').split(' ').filter((id) => !id.endsWith('-error'));
        setDescribedBy(control, ids);
    }
}

/**
 * Shows each violation beside the control its field names and returns what the summary links to:
 * [{ violation, label, targetId }], targetId null when no control matches the field.
 */
export function showFieldErrors(container, violations, medicationInputs) {
    return violations.map((violation) => {
        const target = findTarget(container, violation.field, medicationInputs);
        if (!target) {
            return { violation, label: violation.field, targetId: null };
        }
        const error = document.getElementById(target.errorId);
        error.textContent = error.textContent ? `${error.textContent} ${violation.message}` : violation.message;
        error.hidden = false;
        for (const control of target.controls) {
            control.setAttribute('aria-invalid', 'true');
            const ids = (control.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
            if (!ids.includes(target.errorId)) {
                setDescribedBy(control, [...ids, target.errorId]);
            }
        }
        return { violation, label: target.label, targetId: target.controls[0].id };
    });
}

function findTarget(container, field, medicationInputs) {
    const listEntry = /^medications\[(\d+)]$/.exec(field);
    if (listEntry) {
        const input = medicationInputs[Number(listEntry[1])];
        if (input && input.isConnected) {
            const row = input.closest('.medication-row');
            return {
                controls: [input], errorId: row.querySelector('.field-error').id,
                label: row.querySelector('label').textContent,
            };
        }
        field = MEDICATIONS;
    }
    const wrapper = container.querySelector(`[data-path="${CSS.escape(field)}"]`);
    if (!wrapper || wrapper.hidden) {
        return null;
    }
    const named = [...wrapper.querySelectorAll(`[name="${CSS.escape(field)}"]`)];
    const controls = named.length ? named : [...wrapper.querySelectorAll('input, select')];
    const question = wrapper.querySelector('legend, label');
    return {
        controls, errorId: controlId(field, 'error'),
        label: question.firstChild ? question.firstChild.textContent : field,
    };
}

function setDescribedBy(control, ids) {
    if (ids.length) {
        control.setAttribute('aria-describedby', ids.join(' '));
    } else {
        control.removeAttribute('aria-describedby');
    }
}
