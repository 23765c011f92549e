// "Print for the patient": the patient's own instruction sheet, in the patient's language, which the receptionist
// chooses apart from the page's. The sheet is fetched with the clinic's key (a link could not carry it) and shown in
// a window of its own, so that the browser prints the sheet alone. The service's page is read as XML, where nothing
// is styled or run; its elements are copied into the window (only those a sheet has), and its style is handed over
// as a constructed style sheet, which the front desk's Content-Security-Policy allows where it refuses inline style.

import { element } from './dom.js';

const PATIENT_LANGUAGES = [['en', 'English'], ['es', 'Español']];
const SHEET_ELEMENTS = new Set(['header', 'main', 'footer', 'section', 'h1', 'h2', 'p', 'ul', 'li']);

/** The controls for one decision: the patient's language and the print button, with room for a failure. */
export function patientSheetControls(api, screeningId, strings, pageLanguage) {
    const select = element('select', { id: 'patient-language' },
        ...PATIENT_LANGUAGES.map(([value, name]) => {
            const option = element('option', { value, attributes: { lang: value } }, name);
            option.selected = value === pageLanguage;
            return option;
        }));
    const button = element('button', { type: 'button', id: 'print-patient-sheet' }, strings.printForPatient);
    const failure = element('p', { id: 'patient-sheet-error', className: 'field-error', hidden: true,
        attributes: { role: 'alert' } });
    button.addEventListener('click', () => printSheet(api, screeningId, select.value, strings, failure));
    return element('div', { className: 'patient-sheet' },
        element('label', { htmlFor: 'patient-language' }, strings.patientLanguage), select, button, failure);
}

async function printSheet(api, screeningId, language, strings, failure) {
    failure.hidden = true;
    // Opened at once, in the click itself: a window opened after an await counts as a pop-up and is blocked.
    const sheetWindow = window.open('', '_blank');
    if (!sheetWindow) {
        showFailure(failure, strings.patientSheetBlocked);
        return;
    }
    let html;
    try {
        const response = await api.instructions(screeningId, language);
        if (!response.ok) {
            throw new Error(`status ${response.status}`);
        }
        html = await response.text();
    } catch {
        sheetWindow.close();
        showFailure(failure, strings.patientSheetFailed);
        return;
    }
    const page = new DOMParser().parseFromString(html, 'application/xml');
    if (page.getElementsByTagName('parsererror').length || !page.getElementsByTagName('body').length) {
        sheetWindow.close();
        showFailure(failure, strings.patientSheetFailed);
        return;
    }
    show(sheetWindow, page);
    sheetWindow.focus();
    sheetWindow.print();
}

function show(sheetWindow, page) {
    const target = sheetWindow.document;
    target.documentElement.lang = page.documentElement.getAttribute('lang') || '';
    target.title = page.getElementsByTagName('title')[0]?.textContent || '';
    const sheetRules = new sheetWindow.CSSStyleSheet();
    sheetRules.replaceSync(Array.from(page.getElementsByTagName('style'), (node) => node.textContent).join('\n'));
    target.adoptedStyleSheets = [sheetRules];
    const body = page.getElementsByTagName('body')[0];
    target.body.className = body.getAttribute('class') || '';
    target.body.replaceChildren(...Array.from(body.childNodes, (node) => copy(node, target)).filter(Boolean));
}

/** An HTML copy of an element of the sheet, with its class and text only. */
function copy(node, target) {
    if (node.nodeType === Node.TEXT_NODE) {
        return target.createTextNode(node.nodeValue);
    }
    if (node.nodeType !== Node.ELEMENT_NODE || !SHEET_ELEMENTS.has(node.localName)) {
        return null;
    }
    const copied = target.createElement(node.localName);
    if (node.getAttribute('class')) {
        copied.className = node.getAttribute('class');
    }
    copied.append(...Array.from(node.childNodes, (child) => copy(child, target)).filter(Boolean));
    return copied;
}

function showFailure(failure, text) {
    failure.textContent = text;
    failure.hidden = false;
}
