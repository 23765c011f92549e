// WCAG 2.1 contrast of every visible piece of text on the page against the background it sits on.
// Returns the failures as strings; an empty array means AA is met (4.5:1, or 3:1 for large text).
const parse = (colour) => {
    const parts = colour.match(/[\d.]+/g).map(Number);
    return { r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1 };
};
const channel = (value) => {
    const v = value / 255;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
};
const luminance = (c) => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
const backgroundOf = (element) => {
    for (let node = element; node; node = node.parentElement) {
        const colour = parse(getComputedStyle(node).backgroundColor);
        if (colour.a > 0) {
            return colour;
        }
    }
    return { r: 255, g: 255, b: 255, a: 1 };
};
const failures = [];
for (const element of document.querySelectorAll('body *')) {
    const ownText = [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    if (!ownText || element.closest('select, dialog:not([open]), [hidden]') || !element.getClientRects().length) {
        continue;
    }
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || style.display === 'none') {
        continue;
    }
    const foreground = luminance(parse(style.color));
    const background = luminance(backgroundOf(element));
    const ratio = (Math.max(foreground, background) + 0.05) / (Math.min(foreground, background) + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) {
        failures.push(`${element.tagName}.${element.className} "${element.textContent.trim().slice(0, 40)}": `
            + `${ratio.toFixed(2)}:1`);
    }
}
return failures;
