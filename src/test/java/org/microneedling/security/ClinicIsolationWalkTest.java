package org.microneedling.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * OWASP API1 across the whole API: every operation of the OpenAPI document is called with one clinic's
 * credentials (an API key and a JWT), with the other clinic's ids wherever a path takes one. No answer may show
 * the other clinic anything, and an answer about the other clinic's id must be exactly the answer about an id that
 * no clinic has, apart from the id itself.
 */
@QuarkusTest
@TestProfile(ClinicIsolationWalkTest.TwoClinics.class)
class ClinicIsolationWalkTest {

    static final String NORTH = "clinic-n4m";
    static final String SOUTH = "clinic-s7k";
    static final String NORTH_KEY = "walk-north-key-1f3a";
    static final String SOUTH_KEY = "walk-south-key-8c2e";
    static final Set<String> EVERY_ROLE = Set.of(Roles.SCREENING, Roles.AUDIT, Roles.ADMIN, Roles.PROVIDER,
            Roles.MEDICAL_DIRECTOR);
    /** South's drafts: more than the walk can make north create, so the last number is south's alone. */
    static final int SOUTH_DRAFTS = 8;
    private static final String SOUTH_REFERENCE = "SOUTH-ONLY-REF-7731";
    private static final String SOUTH_NOTE = "south-only-note-5521";
    private static final String SOUTH_PATIENT = "SOUTH-ONLY-PT-4410";
    private static final String REVIEW = "{\"decision\": \"CLEARED\", \"rationale\": \"Cover arranged.\"}";
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    /** Authentication on, a key with every role for each clinic, and an audit store of this test alone. */
    public static class TwoClinics implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Path keys = TestCredentials.DIRECTORY.resolve("walk-api-keys");
            try {
                Files.write(keys, List.of(
                        TestCredentials.line("north-all", String.join(",", EVERY_ROLE), NORTH_KEY) + " " + NORTH,
                        TestCredentials.line("south-all", String.join(",", EVERY_ROLE), SOUTH_KEY) + " " + SOUTH));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of(
                    "screening.auth.enabled", "true",
                    "screening.auth.api-keys-file", keys.toString(),
                    "mp.jwt.verify.publickey.location", TestCredentials.PUBLIC_KEY.toUri().toString(),
                    "mp.jwt.verify.issuer", TestCredentials.ISSUER,
                    "audit.data-dir", "target/walk-test-" + UUID.randomUUID());
        }
    }

    private static final List<String> southIds = new ArrayList<>();

    @BeforeEach
    void southHasScreeningsAndPolicies() throws InterruptedException {
        if (!southIds.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (given().get("/q/health/ready").statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        // The first is a referral of a patient, reviewed by south: every id-taking endpoint meets all three.
        String referral = SampleRequests.request(SOUTH_REFERENCE, "1990-06-15", "metformin 500 mg")
                .replace("\"coldSoreHistory\": \"NO\"", "\"coldSoreHistory\": \"YES\"")
                .replace("\"asOf\"", "\"patientReference\": \"" + SOUTH_PATIENT + "\", \"asOf\"");
        southIds.add(south().body(referral).post("/api/v1/screenings").then().statusCode(200)
                .body("outcome", org.hamcrest.Matchers.equalTo("REFER_TO_PROVIDER")).extract().path("screeningId"));
        south().body(REVIEW).post("/api/v1/screenings/" + southIds.get(0) + "/reviews").then().statusCode(201);
        southIds.add(south().body(SampleRequests.request(SOUTH_REFERENCE, "1990-06-15", "metformin 500 mg"))
                .post("/api/v1/screenings").then().statusCode(200).extract().path("screeningId"));
        for (int i = 0; i < SOUTH_DRAFTS; i++) {
            south().body(Map.of("note", SOUTH_NOTE, "parameters", Map.of("radiationWindowMonths", 7)))
                    .post("/api/v1/policies").then().statusCode(201);
        }
        south().body("{}").post("/api/v1/policies/1/activation").then().statusCode(200);
    }

    private static RequestSpecification south() {
        return given().header("X-API-Key", SOUTH_KEY).contentType("application/json");
    }

    private static String northToken() {
        return TestCredentials.claims("north-person", EVERY_ROLE).claim("tenant", NORTH)
                .sign(TestCredentials.TRUSTED.getPrivate());
    }

    @Test
    void noOperationShowsOneClinicAnythingOfTheOther() {
        Map<String, Map<String, Object>> paths = given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        assertThat(paths).containsKeys("/api/v1/screenings/{screeningId}", "/api/v1/policies/{version}",
                "/api/v1/policy", "/api/v1/audit/verification", "/api/v1/rules");
        int operations = 0;
        for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
            for (String method : path.getValue().keySet()) {
                if (!Set.of("get", "post", "put", "delete", "patch").contains(method)) {
                    continue;
                }
                for (String credential : List.of("api-key", "jwt")) {
                    walk(method, path.getKey(), credential);
                    operations++;
                }
            }
        }
        assertThat(operations).as("operations walked, twice each").isGreaterThanOrEqualTo(2 * 14);
    }

    @Test
    void countsAndListsHoldOnlyTheCallersClinic() {
        int before = given().header("X-API-Key", NORTH_KEY).get("/api/v1/audit/verification").then().statusCode(200)
                .extract().path("records");
        south().body(SampleRequests.ELIGIBLE).post("/api/v1/screenings").then().statusCode(200);
        int after = given().header("X-API-Key", NORTH_KEY).get("/api/v1/audit/verification").then().statusCode(200)
                .extract().path("records");
        assertThat(after).isEqualTo(before);
        List<String> clinics = given().auth().oauth2(northToken()).get("/api/v1/policies").then().statusCode(200)
                .extract().path("items.clinicId");
        assertThat(clinics).isNotEmpty().containsOnly(NORTH);
    }

    @Test
    void anotherClinicsPatientIsNotFoundExactlyLikeAPatientNoClinicHas() {
        for (String credential : List.of("api-key", "jwt")) {
            RequestSpecification north = credential.equals("api-key") ? given().header("X-API-Key", NORTH_KEY)
                    : given().auth().oauth2(northToken());
            String foreign = north.queryParam("patientReference", SOUTH_PATIENT).get("/api/v1/clearances").then()
                    .statusCode(404).extract().asString();
            String unknown = given().header("X-API-Key", NORTH_KEY).queryParam("patientReference", "NO-SUCH-PT-0001")
                    .get("/api/v1/clearances").then().statusCode(404).extract().asString();
            assertThat(foreign).isEqualTo(unknown).doesNotContain(SOUTH_PATIENT);
        }
        south().queryParam("patientReference", SOUTH_PATIENT).get("/api/v1/clearances").then().statusCode(200);
    }

    private void walk(String method, String template, String credential) {
        Response foreign = call(method, template, credential, true);
        assertNothingOfSouth(foreign, method + " " + template + " (" + credential + ")", template);
        if (PATH_PARAMETER.matcher(template).find()) {
            Response unknown = call(method, template, credential, false);
            assertThat(foreign.statusCode()).as(method + " " + template + ": foreign id vs unknown id")
                    .isEqualTo(unknown.statusCode());
            assertThat(withoutIds(foreign.asString()))
                    .as(method + " " + template + ": body for a foreign id vs an unknown id")
                    .isEqualTo(withoutIds(unknown.asString()));
        }
    }

    private Response call(String method, String template, String credential, boolean foreignIds) {
        Matcher parameter = PATH_PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            parameter.appendReplacement(path, Matcher.quoteReplacement(value(parameter.group(1), foreignIds)));
        }
        parameter.appendTail(path);
        RequestSpecification request = credential.equals("api-key") ? given().header("X-API-Key", NORTH_KEY)
                : given().auth().oauth2(northToken());
        if (method.equals("get")) {
            return request.get(path.toString());
        }
        return request.contentType("application/json").body(body(template)).request(method.toUpperCase(),
                path.toString());
    }

    private String value(String parameter, boolean foreign) {
        return switch (parameter) {
            case "screeningId" -> foreign ? southIds.get(0) : UUID.randomUUID().toString();
            case "version" -> String.valueOf(foreign ? SOUTH_DRAFTS : SOUTH_DRAFTS + 1);
            default -> foreign ? "microneedling-screening" : "no-such-service";
        };
    }

    private static String body(String template) {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        if (template.endsWith("/replay")) {
            return "{\"from\": \"" + today + "\", \"to\": \"" + today + "\"}";
        }
        if (template.endsWith("/batch")) {
            return "[" + SampleRequests.ELIGIBLE + "]";
        }
        if (template.equals("/api/v1/screenings")) {
            return SampleRequests.ELIGIBLE;
        }
        if (template.endsWith("/reviews")) {
            return REVIEW;
        }
        return "{}";
    }

    /** Nothing of south but what the request itself named: a 404 may repeat the id it was asked about. */
    private void assertNothingOfSouth(Response response, String operation, String template) {
        String seen = response.asString() + " " + response.headers().toString();
        if (template.contains("{screeningId}")) {
            seen = seen.replace(southIds.get(0), "<the id asked about>");
        }
        assertThat(seen).as(operation + " answered " + response.statusCode())
                .doesNotContain(SOUTH, SOUTH_REFERENCE, SOUTH_NOTE, SOUTH_PATIENT)
                .doesNotContain(southIds);
    }

    /** The answer with every id and version number replaced, to compare two answers about different ids. */
    private static String withoutIds(String body) {
        return body.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>")
                .replaceAll("version " + SOUTH_DRAFTS + "\\b", "version <n>")
                .replaceAll("version " + (SOUTH_DRAFTS + 1) + "\\b", "version <n>")
                .replaceAll("microneedling-screening|no-such-service", "<service>");
    }
}
