package org.microneedling.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.security.interfaces.RSAPrivateKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

@QuarkusTest
@TestProfile(AuthEnabledProfile.class)
class AuthenticationTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String SCREENINGS = "/api/v1/screenings";
    private static final String VERIFICATION = "/api/v1/audit/verification";
    private static final String CDS_SERVICE = "/cds-services/microneedling-screening";

    /**
     * On a loaded machine the in-memory audit database can still be migrating when the first test screens; that
     * answer would rightly be a 503, which is not what these tests are about.
     */
    @BeforeEach
    void awaitReadiness() throws InterruptedException {
        awaitAuditStore();
    }

    static void awaitAuditStore() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (given().get("/q/health/ready").statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    static Stream<Arguments> protectedEndpoints() {
        return Stream.of(
                Arguments.of("POST", SCREENINGS),
                Arguments.of("POST", SCREENINGS + "/batch"),
                Arguments.of("GET", "/api/v1/rules"),
                Arguments.of("GET", "/api/v1/questionnaire"),
                Arguments.of("GET", SCREENINGS + "/" + UUID.randomUUID()),
                Arguments.of("GET", VERIFICATION),
                Arguments.of("GET", "/api/v1/me"),
                Arguments.of("POST", CDS_SERVICE));
    }

    @ParameterizedTest
    @MethodSource("protectedEndpoints")
    void withoutCredentialsEveryApiEndpointIs401ProblemWithChallenge(String method, String path) {
        call(given(), method, path)
                .then().statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", containsString("X-API-Key"))
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401))
                .body("type", equalTo("urn:microneedling-screening:problem:unauthorized"));
    }

    @ParameterizedTest
    @MethodSource("protectedEndpoints")
    void aWrongKeyIs401Problem(String method, String path) {
        call(given().header("X-API-Key", "not-a-key-anyone-was-given"), method, path)
                .then().statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", containsString("ApiKey"))
                .body("status", equalTo(401));
    }

    @Test
    void aKeyWithTheScreeningRoleScreensAndReadsTheCatalogue() {
        screen(withKey(TestCredentials.SCREENING_KEY)).then().statusCode(200).body("outcome", equalTo("ELIGIBLE"));
        withKey(TestCredentials.SCREENING_KEY).get("/api/v1/rules").then().statusCode(200);
        withKey(TestCredentials.SCREENING_KEY).get("/api/v1/questionnaire").then().statusCode(200);
        withKey(TestCredentials.SCREENING_KEY).contentType("application/json").body("[" + SampleRequests.ELIGIBLE + "]")
                .post(SCREENINGS + "/batch").then().statusCode(200).body("size()", equalTo(1));
    }

    @Test
    void theScreeningRoleMayNotReadTheAudit() {
        String id = screen(withKey(TestCredentials.SCREENING_KEY)).then().statusCode(200)
                .extract().path("screeningId");

        withKey(TestCredentials.SCREENING_KEY).get(SCREENINGS + "/" + id)
                .then().statusCode(403).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:microneedling-screening:problem:forbidden"));
        withKey(TestCredentials.SCREENING_KEY).get(VERIFICATION)
                .then().statusCode(403).contentType(PROBLEM_JSON).body("status", equalTo(403));
    }

    @Test
    void theAuditRoleReadsDecisionsButMayNotScreen() {
        String id = screen(withKey(TestCredentials.SCREENING_KEY)).then().statusCode(200)
                .extract().path("screeningId");

        withKey(TestCredentials.AUDIT_KEY).get(SCREENINGS + "/" + id).then().statusCode(200)
                .body("screeningId", equalTo(id));
        withKey(TestCredentials.AUDIT_KEY).get(VERIFICATION).then().statusCode(200).body("intact", equalTo(true));
        screen(withKey(TestCredentials.AUDIT_KEY)).then().statusCode(403).contentType(PROBLEM_JSON);
        withKey(TestCredentials.AUDIT_KEY).get("/api/v1/rules").then().statusCode(403);
    }

    @Test
    void theAdminRoleMayDoEverything() {
        String id = screen(withKey(TestCredentials.ADMIN_KEY)).then().statusCode(200).extract().path("screeningId");
        withKey(TestCredentials.ADMIN_KEY).get(SCREENINGS + "/" + id).then().statusCode(200);
        withKey(TestCredentials.ADMIN_KEY).get(VERIFICATION).then().statusCode(200);
    }

    @Test
    void operationsEndpointsNeedNoCredentials() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().accept("application/json").get("/q/openapi").then().statusCode(200);
        given().get("/").then().statusCode(200);
        given().get("/cds-services").then().statusCode(200).body("services[0].id", equalTo("microneedling-screening"));
    }

    @Test
    void theCdsHooksServiceNeedsTheScreeningRole() {
        withKey(TestCredentials.AUDIT_KEY).contentType("application/json").body("{}").post(CDS_SERVICE)
                .then().statusCode(403).contentType(PROBLEM_JSON);
        withKey(TestCredentials.SCREENING_KEY).contentType("application/json").body("{}").post(CDS_SERVICE)
                .then().statusCode(not(401)).statusCode(not(403))
                .header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void theClientIdOfTheKeyIsRecordedWithTheDecision() throws SQLException {
        String id = screen(withKey(TestCredentials.SCREENING_KEY)).then().statusCode(200)
                .extract().path("screeningId");

        assertThat(auditedClientIds(id)).containsExactly(TestCredentials.SCREENING_CLIENT);
    }

    @Test
    void everyDecisionOfABatchRecordsTheClient() throws SQLException {
        List<String> ids = withKey(TestCredentials.SECOND_SCREENING_KEY).contentType("application/json")
                .body("[" + SampleRequests.ELIGIBLE + "," + SampleRequests.ELIGIBLE + "]")
                .post(SCREENINGS + "/batch").then().statusCode(200).extract().path("screeningId");

        assertThat(ids).hasSize(2);
        for (String id : ids) {
            assertThat(auditedClientIds(id)).containsExactly(TestCredentials.SECOND_SCREENING_CLIENT);
        }
    }

    @Test
    void aValidJwtScreensAndItsSubjectIsRecorded() throws SQLException {
        String token = TestCredentials.token("intake-system-7", Set.of(Roles.SCREENING));

        String id = screen(given().auth().oauth2(token)).then().statusCode(200).extract().path("screeningId");

        assertThat(auditedClientIds(id)).containsExactly("intake-system-7");
    }

    @Test
    void aJwtWithoutTheRoleIs403() {
        String token = TestCredentials.token("auditor-app", Set.of(Roles.AUDIT));

        screen(given().auth().oauth2(token)).then().statusCode(403).contentType(PROBLEM_JSON);
        given().auth().oauth2(token).get(VERIFICATION).then().statusCode(200);
    }

    static Stream<Arguments> rejectedTokens() {
        Set<String> screening = Set.of(Roles.SCREENING);
        return Stream.of(
                Arguments.of("signed by an untrusted key", TestCredentials.claims("x", screening)
                        .sign(TestCredentials.UNTRUSTED.getPrivate())),
                Arguments.of("from another issuer", Jwt.issuer("https://evil.invalid").subject("x").groups(screening)
                        .expiresIn(3600).sign((RSAPrivateKey) TestCredentials.TRUSTED.getPrivate())),
                Arguments.of("expired", TestCredentials.claims("x", screening)
                        .issuedAt(Instant.now().minus(Duration.ofHours(3)))
                        .expiresAt(Instant.now().minus(Duration.ofHours(2)))
                        .sign(TestCredentials.TRUSTED.getPrivate())),
                Arguments.of("issued in the future", TestCredentials.claims("x", screening)
                        .issuedAt(Instant.now().plus(Duration.ofMinutes(10)))
                        .expiresAt(Instant.now().plus(Duration.ofMinutes(70)))
                        .sign(TestCredentials.TRUSTED.getPrivate())),
                Arguments.of("valid for longer than the maximum lifetime", TestCredentials.claims("x", screening)
                        .issuedAt(Instant.now().minus(Duration.ofMinutes(1)))
                        .expiresAt(Instant.now().plus(Duration.ofDays(365)))
                        .sign(TestCredentials.TRUSTED.getPrivate())),
                Arguments.of("unsigned (alg none)", unsigned()),
                Arguments.of("with its signature replaced", replaceSignature(
                        TestCredentials.token("x", screening))),
                Arguments.of("not a JWT at all", "abc.def"));
    }

    @Test
    void aTokenIssuedWithinTheClockSkewOrForTheMaximumLifetimeIsAccepted() {
        Set<String> screening = Set.of(Roles.SCREENING);
        screen(given().auth().oauth2(TestCredentials.claims("x", screening)
                .issuedAt(Instant.now().plus(Duration.ofSeconds(30))).expiresIn(3600)
                .sign(TestCredentials.TRUSTED.getPrivate()))).then().statusCode(200);
        Instant issued = Instant.now().minus(Duration.ofHours(1));
        screen(given().auth().oauth2(TestCredentials.claims("x", screening).issuedAt(issued)
                .expiresAt(issued.plus(Duration.ofHours(24))).sign(TestCredentials.TRUSTED.getPrivate())))
                .then().statusCode(200);
    }

    @ParameterizedTest(name = "a token {0} is 401")
    @MethodSource("rejectedTokens")
    void aBadTokenIs401Problem(String description, String token) {
        screen(given().auth().oauth2(token)).then().statusCode(401).contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void aKeyAddedToTheFileIsAcceptedWithoutARestartAndARemovedKeyIsRefused() throws InterruptedException {
        String newKey = "rotated-key-" + UUID.randomUUID();
        withKey(newKey).get("/api/v1/rules").then().statusCode(401);

        TestCredentials.writeKeyFile(List.of(
                TestCredentials.line(TestCredentials.SCREENING_CLIENT, "screening", newKey),
                TestCredentials.line(TestCredentials.AUDIT_CLIENT, "audit", TestCredentials.AUDIT_KEY)));

        try {
            assertThat(awaitStatus(newKey, 200)).isEqualTo(200);
            assertThat(awaitStatus(TestCredentials.SCREENING_KEY, 401)).isEqualTo(401);
        } finally {
            TestCredentials.writeDefaultKeyFile();
            assertThat(awaitStatus(TestCredentials.SCREENING_KEY, 200)).isEqualTo(200);
        }
    }

    @Test
    void aKeyIsComparedExactly() {
        String almost = TestCredentials.SCREENING_KEY.substring(0, TestCredentials.SCREENING_KEY.length() - 1) + "x";
        withKey(almost).get("/api/v1/rules").then().statusCode(401);
        withKey(TestCredentials.SCREENING_KEY.toUpperCase()).get("/api/v1/rules").then().statusCode(401);
        withKey(TestCredentials.sha256Hex(TestCredentials.SCREENING_KEY)).get("/api/v1/rules").then().statusCode(401);
    }

    private static int awaitStatus(String key, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int status;
        do {
            status = withKey(key).get("/api/v1/rules").statusCode();
            if (status == expected) {
                return status;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return status;
    }

    static RequestSpecification withKey(String key) {
        return given().header("X-API-Key", key);
    }

    static Response screen(RequestSpecification request) {
        return request.contentType("application/json").body(SampleRequests.ELIGIBLE).post(SCREENINGS);
    }

    private static Response call(RequestSpecification request, String method, String path) {
        return "POST".equals(method)
                ? request.contentType("application/json").body(SampleRequests.ELIGIBLE).post(path)
                : request.get(path);
    }

    static List<String> auditedClientIds(String screeningId) throws SQLException {
        List<String> clients = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(AuthEnabledProfile.AUDIT_DB_URL, "sa", "");
                PreparedStatement select = connection.prepareStatement(
                        "SELECT client_id FROM audit_record WHERE screening_id = ?")) {
            select.setObject(1, UUID.fromString(screeningId));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    clients.add(rows.getString(1));
                }
            }
        }
        return clients;
    }

    private static String unsigned() {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String header = encoder.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        String claims = encoder.encodeToString(("{\"iss\":\"" + TestCredentials.ISSUER + "\",\"sub\":\"x\","
                + "\"groups\":[\"screening\"],\"exp\":" + (Instant.now().getEpochSecond() + 3600) + "}").getBytes());
        return header + "." + claims + ".";
    }

    private static String replaceSignature(String token) {
        String other = TestCredentials.claims("y", Set.of(Roles.SCREENING)).sign(TestCredentials.TRUSTED.getPrivate());
        return token.substring(0, token.lastIndexOf('.')) + other.substring(other.lastIndexOf('.'));
    }
}
