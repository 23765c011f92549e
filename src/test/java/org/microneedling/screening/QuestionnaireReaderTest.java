package org.microneedling.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.microneedling.common.Messages;
import org.microneedling.common.Violation;

/** The reader's checks of answers against each other and of text, without HTTP (see {@code ValidationTest}). */
class QuestionnaireReaderTest {

    private static final QuestionnaireReader READER = DefaultScreeningConfig.reader();
    private static final Messages MESSAGES = Messages.of(Locale.ENGLISH);

    private static List<Violation> violations(Questionnaires questionnaire) {
        List<Violation> violations = new ArrayList<>();
        QuestionnaireReader.Valid valid = READER.read(
                READER.parse(questionnaire.json().getBytes(StandardCharsets.UTF_8), MESSAGES), "", MESSAGES,
                violations);
        assertThat(valid == null).as("refused exactly when there are violations: %s", violations)
                .isEqualTo(!violations.isEmpty());
        return violations;
    }

    @Test
    void isotretinoinStopDateWithoutTheAnswerNamesTheAnswer() {
        assertThat(violations(Questionnaires.eligible().without("history.isotretinoin")
                .answer("history.isotretinoinStopDate", "2026-10-01")))
                .containsExactly(new Violation("history.isotretinoin",
                        "is required when history.isotretinoinStopDate is given"));
    }

    @Test
    void radiationEndDateWithoutTheAnswerNamesTheAnswer() {
        assertThat(violations(Questionnaires.eligible().without("history.radiationTherapy")
                .answer("history.radiationTherapyEndDate", "2026-10-01")))
                .extracting(Violation::field).containsExactly("history.radiationTherapy");
    }

    @Test
    void aMistypedIsotretinoinAnswerIsNamedOnceNotTwice() {
        assertThat(violations(Questionnaires.eligible().answer("history.isotretinoin", "maybe")
                .answer("history.isotretinoinStopDate", "2026-10-01")))
                .extracting(Violation::field).containsExactly("history.isotretinoin");
    }

    @Test
    void aStopDateWithAnAnswerIsAccepted() {
        assertThat(violations(Questionnaires.eligible().answer("history.isotretinoin", "NO")
                .answer("history.isotretinoinStopDate", "2026-10-01"))).isEmpty();
    }
}
