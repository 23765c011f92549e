package org.microneedling.fhir;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.microneedling.common.Messages;

/**
 * The identity of the Questionnaire in each language. The languages differ in their texts, so each has
 * its own canonical URL and id: a response filled in Spanish then validates against the Spanish form.
 */
@ApplicationScoped
public class QuestionnaireCanonicals {

    private final FhirConfig config;

    QuestionnaireCanonicals(FhirConfig config) {
        this.config = config;
    }

    /** The canonical URL of the Questionnaire in {@code language}. */
    public String url(Locale language) {
        return config.questionnaireUrl() + suffix(language);
    }

    /** Every language's canonical URL, the default language's first. */
    public List<String> urls() {
        return Messages.SUPPORTED.stream().map(this::url).toList();
    }

    String id(String definitionId, Locale language) {
        return definitionId + suffix(language);
    }

    private static String suffix(Locale language) {
        return language.getLanguage().equals(Messages.DEFAULT_LOCALE.getLanguage()) ? "" : "-" + language.getLanguage();
    }
}
