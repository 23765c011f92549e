// Checks the answers against the questionnaire definition before anything is sent, so that the usual slips (a
// missing answer, an age out of range, a date in the future) are shown beside their fields at once. The API
// checks everything again; these checks only spare the receptionist a round trip.

import { format } from './dom.js';

/** Violations in the API's own shape: [{ field, message }], one per field. */
export function checkAnswers(body, definition, strings) {
    const items = definition.sections.flatMap((section) => section.items);
    const visible = new Set(items.map((item) => item.path));
    const violations = [];
    const asOf = valueAt(body, 'asOf') || today();
    for (const item of items) {
        const value = valueAt(body, item.path);
        const problem = check(item, value, asOf, strings);
        if (problem) {
            violations.push({ field: item.path, message: problem });
        }
    }
    for (const group of definition.atLeastOneOf || []) {
        if (group.every((path) => valueAt(body, path) === undefined) && group.every((path) => visible.has(path))) {
            violations.push({ field: group[group.length - 1], message: strings.checkAtLeastOneOf });
        }
    }
    const disagreement = ageDisagreement(body, asOf, strings);
    if (disagreement && !violations.some((violation) => violation.field === 'patient.age')) {
        violations.push({ field: 'patient.age', message: disagreement });
    }
    return violations;
}

function check(item, value, asOf, strings) {
    if (value === undefined) {
        return item.required ? strings.checkRequired : null;
    }
    if (item.type === 'integer' && !Number.isInteger(value)) {
        return strings.checkWholeNumber;
    }
    if (typeof value === 'number') {
        if (item.minimum !== undefined && value < item.minimum) {
            return format(strings.checkMinimum, { minimum: item.minimum });
        }
        if (item.maximum !== undefined && value > item.maximum) {
            return format(strings.checkMaximum, { maximum: item.maximum });
        }
    }
    if (item.type === 'date' && item.notAfterAsOf && value > asOf) {
        return format(strings.checkAfterAsOf, { asOf });
    }
    if (typeof value === 'string' && item.maxLength && value.length > item.maxLength) {
        return format(strings.checkMaxLength, { maxLength: item.maxLength });
    }
    return null;
}

function ageDisagreement(body, asOf, strings) {
    const age = valueAt(body, 'patient.age');
    const dateOfBirth = valueAt(body, 'patient.dateOfBirth');
    if (!Number.isInteger(age) || !dateOfBirth || dateOfBirth > asOf) {
        return null;
    }
    const derived = ageOn(dateOfBirth, asOf);
    return derived === age ? null : format(strings.checkAgeMismatch, { age: derived, asOf });
}

/** Whole years on a day, with a 29 February birthday on 1 March in common years, as the API counts them. */
export function ageOn(dateOfBirth, day) {
    const [birthYear, birthMonth, birthDay] = dateOfBirth.split('-').map(Number);
    const [year, month, dayOfMonth] = day.split('-').map(Number);
    let years = year - birthYear;
    const leapDay = birthMonth === 2 && birthDay === 29;
    const commonYear = (year % 4 !== 0) || (year % 100 === 0 && year % 400 !== 0);
    const [thisYearMonth, thisYearDay] = leapDay && commonYear ? [3, 1] : [birthMonth, birthDay];
    if (month < thisYearMonth || (month === thisYearMonth && dayOfMonth < thisYearDay)) {
        years -= 1;
    }
    return years;
}

function valueAt(body, path) {
    let node = body;
    for (const name of path.split('.')) {
        if (node === undefined || node === null) {
            return undefined;
        }
        node = node[name];
    }
    return node === null ? undefined : node;
}

function today() {
    const now = new Date();
    const pad = (n) => String(n).padStart(2, '0');
    return `${now.getUTCFullYear()}-${pad(now.getUTCMonth() + 1)}-${pad(now.getUTCDate())}`;
}
