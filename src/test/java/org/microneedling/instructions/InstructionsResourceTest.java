package org.microneedling.instructions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.microneedling.audit.AuditEntry;
import org.microneedling.audit.DecisionLog;

@QuarkusTest
class InstructionsResourceTest {

    static final Pattern ANY_UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final Pattern ANY_CODE = Pattern.compile("\\b[A-Z]{2,}(_[A-Z]+)+\\b");

    @Inject
    DecisionLog decisionLog;

    static String screen(String sample) {
        try {
            String body = Files.readString(Path.of("src/test/resources/samples", sample + ".json"));
            return given().contentType("application/json").body(body).post("/api/v1/screenings")
                    .then().statusCode(200).extract().path("screeningId");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Response instructions(String id, String accept, String language) {
        var request = given().accept(accept);
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return request.get("/api/v1/screenings/{id}/instructions", id);
    }

    @Test
    void aColdSoreReferralIsPendingReviewWithTheAntiviralItemAndItsCode() {
        String id = screen("refer-cold-sore-history");

        instructions(id, "application/json", null).then().statusCode(200)
                .contentType(startsWith("application/json"))
                .header("Content-Language", "en")
                .body("screeningId", equalTo(id))
                .body("language", equalTo("en"))
                .body("status", equalTo("PENDING_REVIEW"))
                .body("sections.id", equalTo(List.of("next-steps", "before", "day-of-treatment", "after", "results",
                        "side-effects", "call-the-clinic")))
                .body("sections[0].items[0].because", equalTo(List.of("COLD_SORE_HISTORY")))
                .body("sections.find { it.id == 'before' }.items.because",
                        hasItem(List.of("COLD_SORE_HISTORY")))
                .body("sections.find { it.id == 'before' }.items.because",
                        hasItem(List.of("ANTI_INFLAMMATORY_MEDICATION")))
                .body("sections.find { it.id == 'results' }.items.because", hasItem(List.of()));
    }

    @Test
    void anIneligibleResultGetsNoAftercare() {
        String id = screen("ineligible-plavix");

        instructions(id, "application/json", "es").then().statusCode(200)
                .header("Content-Language", "es")
                .body("language", equalTo("es"))
                .body("status", equalTo("INELIGIBLE"))
                .body("sections.id", equalTo(List.of("next-steps", "call-the-clinic")));
    }

    @ParameterizedTest
    @ValueSource(strings = { "es", "es-MX", "fr;q=0.9, es;q=0.5", "es-419" })
    void spanishWhenTheClientAcceptsIt(String acceptLanguage) {
        String id = screen("eligible-baseline");

        instructions(id, "application/json", acceptLanguage).then().statusCode(200)
                .header("Content-Language", "es")
                .body("language", equalTo("es"))
                .body("sections[0].title", equalTo("Qué pasa ahora"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "de-DE", "fr, it;q=0.5", "zz", ";;q=x=", "*" })
    void anyOtherLanguageFallsBackToEnglishAndSaysSo(String acceptLanguage) {
        String id = screen("eligible-baseline");

        instructions(id, "application/json", acceptLanguage).then().statusCode(200)
                .header("Content-Language", "en")
                .header("Vary", "Accept, Accept-Language")
                .body("language", equalTo("en"))
                .body("sections[0].title", equalTo("What happens next"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "*/*", "application/json", "application/*", "application/json, text/html;q=0.5" })
    void jsonUnlessTheClientPrefersHtml(String accept) {
        String id = screen("eligible-baseline");

        instructions(id, accept, null).then().statusCode(200).contentType(startsWith("application/json"))
                .body("status", equalTo("ELIGIBLE"));
    }

    @Test
    void thePageHasNoScriptNoExternalResourceNoCodeAndNoIdButTheScreenings() {
        String id = screen("refer-cold-sore-history");

        Response response = instructions(id, "text/html,application/xhtml+xml,*/*;q=0.8", "en");
        response.then().statusCode(200).contentType(startsWith("text/html")).header("Content-Language", "en");
        String html = response.asString();

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"en\">", "<style>", "@page",
                "@media print", id, "Your prescriber may give you a medicine to start before the visit");
        assertThat(html.toLowerCase()).doesNotContainPattern("\\son[a-z]+\\s*=")
                .doesNotContain("<script", "javascript:", "src=", "href=", "url(",
                "@import", "<link", "<img", "<iframe", "<object", "<embed", "http:", "https:", "//");
        Matcher code = ANY_CODE.matcher(html);
        assertThat(code.find()).as("a code on the page: " + (code.hitEnd() ? "" : code.group())).isFalse();
        assertThat(ANY_UUID.matcher(html).results().map(match -> match.group()).distinct().toList())
                .containsExactly(id);
        assertThat(html).doesNotContain("visit-20261125-0042", "metformin", "ibuprofen 400");
        assertThat(response.header("Content-Security-Policy")).isEqualTo(SheetPage.CONTENT_SECURITY_POLICY)
                .contains("default-src 'none'", "style-src 'sha256-");
    }

    /** The front desk reads the page as XML, where nothing is styled or run (patient-sheet.js). */
    @Test
    void thePageIsWellFormedXml() throws Exception {
        String html = instructions(screen("refer-cold-sore-history"), "text/html", "es").asString();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);

        Document page = factory.newDocumentBuilder().parse(new InputSource(new StringReader(html)));

        assertThat(page.getElementsByTagName("li").getLength()).isGreaterThan(30);
        assertThat(page.getElementsByTagName("style").item(0).getTextContent()).isEqualTo(SheetPage.STYLE);
    }

    @Test
    void theSpanishPageIsInSpanish() {
        String id = screen("ineligible-plavix");

        String html = instructions(id, "text/html", "es-ES").then().statusCode(200).header("Content-Language", "es")
                .extract().asString();

        assertThat(html).contains("<html lang=\"es\">", "Por ahora, el microneedling no es para usted.")
                .doesNotContain("INELIGIBLE", "BLOOD_THINNERS");
    }

    @ParameterizedTest
    @ValueSource(strings = { "application/json", "text/html" })
    void anotherClinicsScreeningIsAnsweredExactlyLikeAnUnknownId(String accept) {
        UUID foreign = UUID.randomUUID();
        decisionLog.append(List.of(new AuditEntry(foreign, "{}", "{\"screeningId\":\"" + foreign
                + "\",\"outcome\":\"ELIGIBLE\",\"reasons\":[],\"advisories\":[]}", "microneedling", "1.0.0",
                "sha256:0", LocalDate.of(2026, 11, 25), null, "other", "json", Instant.now(), AuditEntry.SCREENING,
                "clinic-elsewhere")));
        UUID unknown = UUID.randomUUID();

        Response foreignAnswer = instructions(foreign.toString(), accept, null);
        Response unknownAnswer = instructions(unknown.toString(), accept, null);

        foreignAnswer.then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:microneedling-screening:problem:not-found"));
        unknownAnswer.then().statusCode(404);
        assertThat(foreignAnswer.asString().replace(foreign.toString(), "<id>"))
                .isEqualTo(unknownAnswer.asString().replace(unknown.toString(), "<id>"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "not-a-uuid", "1-2-3-4-5" })
    void aMalformedIdIsA400NamingThePathParameter(String id) {
        instructions(id, "application/json", null).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("screeningId"));
    }

    @Test
    void aMediaTypeTheSheetIsNotMadeInIsA406Problem() {
        String id = screen("eligible-baseline");

        instructions(id, "application/xml", null).then().statusCode(406).contentType("application/problem+json");
    }

    @Test
    void aStoredResultThatCannotBeReadIsToldAsAWaitForAProviderNeverAsGoAhead() {
        UUID id = UUID.randomUUID();
        decisionLog.append(List.of(new AuditEntry(id, "{}", "{\"screeningId\":\"" + id + "\",\"outcome\":\"MAYBE\"}",
                null, null, null, null, null, null, "json", Instant.now(), AuditEntry.SCREENING, "default")));

        instructions(id.toString(), "application/json", null).then().statusCode(200)
                .body("status", equalTo("PENDING_REVIEW"));
    }
}
