package org.microneedling.fhir;

import org.microneedling.screening.QuestionnaireDefinition;

/** The human-readable summary a FHIR resource should carry (dom-6): the title and every question. */
final class QuestionnaireNarrative {

    private QuestionnaireNarrative() {
    }

    static String xhtml(QuestionnaireDefinition.Definition definition) {
        String language = escape(definition.language());
        StringBuilder div = new StringBuilder("<div xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"").append(language)
                .append("\" xml:lang=\"").append(language).append("\"><p><b>").append(escape(definition.title()))
                .append("</b> (").append(escape(definition.version())).append(")</p><ol>");
        for (QuestionnaireDefinition.Section section : definition.sections()) {
            div.append("<li>").append(escape(section.title())).append("<ul>");
            for (QuestionnaireDefinition.Item item : section.items()) {
                div.append("<li>").append(escape(item.question())).append("</li>");
            }
            div.append("</ul></li>");
        }
        return div.append("</ol></div>").toString();
    }

    /** Texts come from the message bundles; escaping keeps any markup in them text. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
