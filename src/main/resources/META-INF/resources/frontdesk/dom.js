// Tiny helpers to build DOM nodes without parsing HTML strings, so that no text from the service or the user is
// ever parsed as markup.

const PROPERTIES = ['id', 'className', 'htmlFor', 'type', 'name', 'value', 'required', 'hidden', 'autocomplete',
    'disabled', 'tabIndex', 'href', 'dateTime'];

export function element(tag, options = {}, ...children) {
    const node = document.createElement(tag);
    for (const property of PROPERTIES) {
        if (options[property] !== undefined && options[property] !== null) {
            node[property] = options[property];
        }
    }
    for (const [name, value] of Object.entries(options.dataset || {})) {
        if (value !== undefined && value !== null && value !== '') {
            node.dataset[name] = String(value);
        }
    }
    for (const [name, value] of Object.entries(options.attributes || {})) {
        if (value !== undefined && value !== null && value !== '') {
            node.setAttribute(name, String(value));
        }
    }
    append(node, children);
    return node;
}

export function append(node, children) {
    for (const child of children.flat()) {
        if (child === null || child === undefined || child === false) {
            continue;
        }
        node.append(child instanceof Node ? child : String(child));
    }
    return node;
}

/** Shows an alert box under its heading and moves the focus there, so that a screen reader reads it at once. */
export function showAlertBox(box, heading, ...body) {
    box.replaceChildren();
    append(box, [heading, ...body]);
    box.setAttribute('aria-labelledby', heading.id);
    box.hidden = false;
    box.focus();
}

/** Fills {name} placeholders of a page string. */
export function format(template, values) {
    return template.replace(/\{(\w+)}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}
