package org.microneedling.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.microneedling.common.Messages;
import org.microneedling.common.ProblemException;
import org.microneedling.common.Violation;

/** A feedback body is either every item checked, or a 400 whose violations name each bad field by its path. */
class FeedbackReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SYSTEM = OverrideReason.DEFAULT_SYSTEM;
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final Messages ENGLISH = Messages.of(Messages.DEFAULT_LOCALE);
    private static final String CARD = "0193a1b2-0000-7000-8000-000000000001";
    private static final String ACCEPTED = "{'card': '" + CARD + "', 'outcome': 'accepted', "
            + "'outcomeTimestamp': '2026-12-03T09:30:00Z'}";

    private static JsonNode json(String singleQuoted) {
        try {
            return JSON.readTree(singleQuoted.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(singleQuoted, e);
        }
    }

    private static List<FeedbackReader.Item> read(String body) {
        return FeedbackReader.read(json(body), SYSTEM, NOW, ENGLISH);
    }

    private static List<String> violations(String body) {
        try {
            read(body);
        } catch (ProblemException e) {
            assertThat(e.problem().status()).isEqualTo(400);
            return e.problem().violations().stream().map(Violation::field).toList();
        }
        throw new AssertionError("accepted: " + body);
    }

    @Test
    void anAcceptedAndAnOverriddenItemWithOurReasonAreRead() {
        List<FeedbackReader.Item> items = read("{'feedback': [" + ACCEPTED + ", {'card': '" + CARD + "', "
                + "'outcome': 'overridden', 'acceptedSuggestions': [], 'overrideReason': {'reason': {'system': '"
                + SYSTEM + "', 'code': 'provider-cleared', 'display': 'Cleared'}, 'userComment': 'Seen by Dr Lin'}, "
                + "'outcomeTimestamp': '2026-12-03T10:30:00+01:00', 'extension': {'org.example.x': 1}}]}");

        assertThat(items).hasSize(2);
        assertThat(items.get(0).outcome()).isEqualTo(FeedbackReader.Outcome.ACCEPTED);
        assertThat(items.get(0).reason()).isNull();
        FeedbackReader.Item overridden = items.get(1);
        assertThat(overridden.index()).isEqualTo(1);
        assertThat(overridden.outcome()).isEqualTo(FeedbackReader.Outcome.OVERRIDDEN);
        assertThat(overridden.reason()).isEqualTo(new FeedbackReader.Coding(SYSTEM, "provider-cleared", "Cleared"));
        assertThat(overridden.userComment()).isEqualTo("Seen by Dr Lin");
        assertThat(overridden.outcomeTimestamp()).isEqualTo(Instant.parse("2026-12-03T09:30:00Z"));
        assertThat(overridden.cardPath()).isEqualTo("feedback[1].card");
    }

    @Test
    void anOverrideWithOnlyAComment_orAReasonOfTheClientsOwnSystem_isRead() {
        assertThat(read("{'feedback': [{'card': '" + CARD + "', 'outcome': 'overridden', 'overrideReason': "
                + "{'userComment': 'Patient declined'}, 'outcomeTimestamp': '2026-12-03T09:30:00Z'}]}").get(0)
                .userComment()).isEqualTo("Patient declined");
        // CDS Hooks lets a client offer reasons of its own beside the service's.
        assertThat(read("{'feedback': [{'card': '" + CARD + "', 'outcome': 'overridden', 'overrideReason': "
                + "{'reason': {'system': 'urn:ehr:reasons', 'code': 'other'}}, "
                + "'outcomeTimestamp': '2026-12-03T09:30:00Z'}]}").get(0).reason().system())
                .isEqualTo("urn:ehr:reasons");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no feedback                     | {}                                                          | feedback",
        "feedback not an array           | {'feedback': {}}                                            | feedback",
        "no items                        | {'feedback': []}                                            | feedback",
        "unknown property of the body    | {'feedback': [ITEM], 'cards': []}                           | cards",
        "an item not an object           | {'feedback': [ITEM, 3]}                                     | feedback[1]",
        "missing outcome                 | {'feedback': [{'card': 'C', 'outcomeTimestamp': 'T'}]}      | feedback[0].outcome",
        "outcome not in the set          | {'feedback': [ITEM, {'card': 'C', 'outcome': 'ignored', 'outcomeTimestamp': 'T'}]} | feedback[1].outcome",
        "outcome in capitals             | {'feedback': [{'card': 'C', 'outcome': 'ACCEPTED', 'outcomeTimestamp': 'T'}]} | feedback[0].outcome",
        "missing card                    | {'feedback': [{'outcome': 'accepted', 'outcomeTimestamp': 'T'}]} | feedback[0].card",
        "card not a uuid                 | {'feedback': [{'card': 'card-1', 'outcome': 'accepted', 'outcomeTimestamp': 'T'}]} | feedback[0].card",
        "missing timestamp               | {'feedback': [{'card': 'C', 'outcome': 'accepted'}]}        | feedback[0].outcomeTimestamp",
        "timestamp without offset        | {'feedback': [{'card': 'C', 'outcome': 'accepted', 'outcomeTimestamp': '2026-12-03T09:30:00'}]} | feedback[0].outcomeTimestamp",
        "timestamp no date-time          | {'feedback': [{'card': 'C', 'outcome': 'accepted', 'outcomeTimestamp': '2026-02-30T09:30:00Z'}]} | feedback[0].outcomeTimestamp",
        "timestamp a number              | {'feedback': [{'card': 'C', 'outcome': 'accepted', 'outcomeTimestamp': 1733218200}]} | feedback[0].outcomeTimestamp",
        "timestamp in the future         | {'feedback': [{'card': 'C', 'outcome': 'accepted', 'outcomeTimestamp': '2026-12-03T11:00:00Z'}]} | feedback[0].outcomeTimestamp",
        "unknown property of an item     | {'feedback': [ITEM, ITEM, {'card': 'C', 'outcome': 'accepted', 'outcomeTimestamp': 'T', 'user': 'x'}]} | feedback[2].user",
        "override with accepted          | {'feedback': [{'card': 'C', 'outcome': 'accepted', 'outcomeTimestamp': 'T', 'overrideReason': {'userComment': 'x'}}]} | feedback[0].overrideReason",
        "override not an object          | {'feedback': [{'card': 'C', 'outcome': 'overridden', 'outcomeTimestamp': 'T', 'overrideReason': 'busy'}]} | feedback[0].overrideReason",
        "override empty                  | {'feedback': [{'card': 'C', 'outcome': 'overridden', 'outcomeTimestamp': 'T', 'overrideReason': {}}]} | feedback[0].overrideReason",
        "our system, not our code        | {'feedback': [{'card': 'C', 'outcome': 'overridden', 'outcomeTimestamp': 'T', 'overrideReason': {'reason': {'system': 'S', 'code': 'too-busy'}}}]} | feedback[0].overrideReason.reason.code",
        "reason without code             | {'feedback': [{'card': 'C', 'outcome': 'overridden', 'outcomeTimestamp': 'T', 'overrideReason': {'reason': {'system': 'S'}}}]} | feedback[0].overrideReason.reason.code",
        "reason without system           | {'feedback': [{'card': 'C', 'outcome': 'overridden', 'outcomeTimestamp': 'T', 'overrideReason': {'reason': {'code': 'provider-cleared'}}}]} | feedback[0].overrideReason.reason.system",
        "reason with another property    | {'feedback': [{'card': 'C', 'outcome': 'overridden', 'outcomeTimestamp': 'T', 'overrideReason': {'reason': {'system': 'S', 'code': 'provider-cleared', 'version': '1'}}}]} | feedback[0].overrideReason.reason.version",
        "comment not a string            | {'feedback': [{'card': 'C', 'outcome': 'overridden', 'outcomeTimestamp': 'T', 'overrideReason': {'userComment': 5}}]} | feedback[0].overrideReason.userComment",
        "comment blank                   | {'feedback': [{'card': 'C', 'outcome': 'overridden', 'outcomeTimestamp': 'T', 'overrideReason': {'userComment': '  '}}]} | feedback[0].overrideReason.userComment",
        "suggestions accepted            | {'feedback': [{'card': 'C', 'outcome': 'accepted', 'outcomeTimestamp': 'T', 'acceptedSuggestions': [{'id': 'x'}]}]} | feedback[0].acceptedSuggestions",
        "extension not an object         | {'feedback': [{'card': 'C', 'outcome': 'accepted', 'outcomeTimestamp': 'T', 'extension': 'x'}]} | feedback[0].extension",
    })
    void aBadFieldIsNamedByItsPath(String what, String body, String field) {
        String expanded = body.replace("ITEM", ACCEPTED).replace("'C'", "'" + CARD + "'")
                .replace("'T'", "'2026-12-03T09:30:00Z'").replace("'S'", "'" + SYSTEM + "'");

        assertThat(violations(expanded)).containsExactly(field);
    }

    @Test
    void anOverLongCommentIsNamed() {
        String comment = "x".repeat(FeedbackReader.MAX_USER_COMMENT + 1);

        assertThat(violations("{'feedback': [{'card': '" + CARD + "', 'outcome': 'overridden', 'outcomeTimestamp': "
                + "'2026-12-03T09:30:00Z', 'overrideReason': {'userComment': '" + comment + "'}}]}"))
                .containsExactly("feedback[0].overrideReason.userComment");
        assertThat(read("{'feedback': [{'card': '" + CARD + "', 'outcome': 'overridden', 'outcomeTimestamp': "
                + "'2026-12-03T09:30:00Z', 'overrideReason': {'userComment': '" + comment.substring(1) + "'}}]}"))
                .hasSize(1);
    }

    @Test
    void moreThanTheBoundOfItemsIsRefusedAsAWhole() {
        String items = String.join(", ", java.util.Collections.nCopies(FeedbackReader.MAX_ITEMS, ACCEPTED));

        assertThat(read("{'feedback': [" + items + "]}")).hasSize(FeedbackReader.MAX_ITEMS);
        assertThat(violations("{'feedback': [" + items + ", " + ACCEPTED + "]}")).containsExactly("feedback");
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        assertThat(violations("{'feedback': [{'card': 'x', 'outcome': 'maybe'}, {'card': '" + CARD
                + "', 'outcome': 'accepted', 'outcomeTimestamp': 'yesterday'}]}"))
                .containsExactly("feedback[0].card", "feedback[0].outcome", "feedback[0].outcomeTimestamp",
                        "feedback[1].outcomeTimestamp");
    }

    @Test
    void aBodyThatIsNoObjectIsA400WithoutViolations() {
        assertThatThrownBy(() -> read("[]")).isInstanceOfSatisfying(ProblemException.class,
                problem -> assertThat(problem.problem().status()).isEqualTo(400));
    }
}
