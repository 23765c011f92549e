package org.microneedling.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.microneedling.common.Messages;
import org.microneedling.screening.rules.Answer;
import org.microneedling.screening.rules.Question;
import org.microneedling.screening.rules.Rule;
import org.microneedling.screening.rules.Ruleset;

/**
 * A new yes/no question is declared in {@link Question}; everything else reads it from there. This
 * fails when a question is not wired through: no answer field in the request, no place in the
 * questionnaire, no wording, or no rule that reads it.
 */
class QuestionWiringTest {

    private static final ObjectMapper BINDING = new ObjectMapper().findAndRegisterModules();

    @ParameterizedTest
    @EnumSource(Question.class)
    void theRequestHasAnAnswerFieldAtTheQuestionsPath(Question question) {
        List<RecordComponent> path = QuestionnaireDefinition.components(question.path());

        assertThat(path.get(path.size() - 1).getType()).isEqualTo(Answer.class);
    }

    @ParameterizedTest
    @EnumSource(Question.class)
    void theQuestionnaireAsksItOnce(Question question) {
        assertThat(QuestionnaireDefinition.LAYOUT.values().stream().flatMap(List::stream).toList())
                .as("questionnaire layout").containsOnlyOnce(question.path());
    }

    @ParameterizedTest
    @EnumSource(Question.class)
    void theQuestionIsWordedInEveryLanguage(Question question) {
        for (var language : Messages.SUPPORTED) {
            assertThat(Messages.of(language).has("question." + question.path()))
                    .as("question.%s in %s", question.path(), language).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Question.class)
    void aRuleReadsTheQuestion(Question question) {
        assertThat(Ruleset.defaults().rules()).extracting(Rule::criterion)
                .anySatisfy(criterion -> assertThat(criterion).contains(question.path()));
    }

    @ParameterizedTest
    @EnumSource(Question.class)
    void theReaderCopiesTheAnswerIntoTheIntake(Question question) throws Exception {
        for (Answer answer : Answer.values()) {
            ScreeningRequest request = BINDING.treeToValue(
                    Questionnaires.eligible().answer(question.path(), answer.name()).node(), ScreeningRequest.class);

            assertThat(QuestionnaireReader.intake(request, request.asOf(), 36).answer(question)).isEqualTo(answer);
        }
    }
}
