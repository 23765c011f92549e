package org.microneedling.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** {@code GET /api/v1/me} with authentication on: the client, name, clinic and roles of each kind of credential. */
@QuarkusTest
@TestProfile(AuthEnabledProfile.class)
class CallerResourceTest {

    private static final String ME = "/api/v1/me";

    @Test
    void aKeyOfClinicNorthBelongsToNorth() {
        AuthenticationTest.withKey(TestCredentials.NORTH_KEY).get(ME).then().statusCode(200)
                .body("clientId", equalTo(TestCredentials.NORTH_CLIENT))
                .body("name", equalTo(TestCredentials.NORTH_CLIENT))
                .body("clinicId", equalTo(TestCredentials.NORTH_CLINIC))
                .body("roles", contains(Roles.AUDIT, Roles.SCREENING));
    }

    @Test
    void aKeyWithoutAClinicBelongsToTheDefaultClinic() {
        AuthenticationTest.withKey(TestCredentials.SCREENING_KEY).get(ME).then().statusCode(200)
                .body("clientId", equalTo(TestCredentials.SCREENING_CLIENT))
                .body("clinicId", equalTo("default"))
                .body("roles", contains(Roles.SCREENING));
    }

    @Test
    void theClinicianRolesAuthenticate() {
        AuthenticationTest.withKey(TestCredentials.PROVIDER_KEY).get(ME).then().statusCode(200)
                .body("clientId", equalTo(TestCredentials.PROVIDER_CLIENT))
                .body("roles", contains(Roles.PROVIDER));
        AuthenticationTest.withKey(TestCredentials.MEDICAL_DIRECTOR_KEY).get(ME).then().statusCode(200)
                .body("clientId", equalTo(TestCredentials.MEDICAL_DIRECTOR_CLIENT))
                .body("roles", contains(Roles.MEDICAL_DIRECTOR));
        given().auth().oauth2(TestCredentials.token("dr-jwt", Set.of(Roles.MEDICAL_DIRECTOR, Roles.PROVIDER)))
                .get(ME).then().statusCode(200)
                .body("roles", contains(Roles.MEDICAL_DIRECTOR, Roles.PROVIDER));
    }

    @Test
    void aLineWithAMalformedClinicIsSkippedAndLoggedByItsNumberWithoutItsHash() throws Exception {
        AuthenticationTest.withKey(TestCredentials.MALFORMED_CLINIC_KEY).get(ME).then().statusCode(401);

        String expected = "line " + TestCredentials.MALFORMED_CLINIC_LINE + ": the fourth field, the clinic,";
        String log = PhiSafeLoggingTest.awaitLogContaining(Pattern.compile(Pattern.quote(expected)));
        assertThat(log).contains(expected)
                .doesNotContain(TestCredentials.sha256Hex(TestCredentials.MALFORMED_CLINIC_KEY))
                .doesNotContain("North_Clinic");
    }

    @Test
    void withoutCredentialsItIs401() {
        given().get(ME).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("X-API-Key"));
    }

    @Test
    void aJwtBelongsToItsTenant() {
        String token = TestCredentials.claims("intake-7", Set.of(Roles.SCREENING)).claim("tenant", "north")
                .sign(TestCredentials.TRUSTED.getPrivate());

        given().auth().oauth2(token).get(ME).then().statusCode(200)
                .body("clientId", equalTo("intake-7"))
                .body("clinicId", equalTo("north"))
                .body("roles", contains(Roles.SCREENING));
    }

    @Test
    void aJwtWithoutATenantBelongsToTheDefaultClinic() {
        given().auth().oauth2(TestCredentials.token("intake-8", Set.of(Roles.AUDIT))).get(ME).then().statusCode(200)
                .body("clinicId", equalTo("default"));
    }

    static Stream<Arguments> malformedTenants() {
        return Stream.of(
                Arguments.of("upper case", "North"),
                Arguments.of("empty", ""),
                Arguments.of("too long", "n".repeat(41)),
                Arguments.of("a path", "../north"),
                Arguments.of("a number", 42),
                Arguments.of("a list", List.of("north")),
                Arguments.of("a boolean", true));
    }

    @ParameterizedTest(name = "a tenant claim that is {0} is 401")
    @MethodSource("malformedTenants")
    void aJwtWithAMalformedTenantIs401(String description, Object tenant) {
        String token = TestCredentials.claims("intake-9", Set.of(Roles.SCREENING)).claim("tenant", tenant)
                .sign(TestCredentials.TRUSTED.getPrivate());

        given().auth().oauth2(token).get(ME).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo("urn:microneedling-screening:problem:unauthorized"));
        AuthenticationTest.screen(given().auth().oauth2(token)).then().statusCode(401);
    }

    static Stream<Arguments> displayNames() {
        return Stream.of(
                Arguments.of("name first", bearer(Set.of("name", "preferred_username")), "Dr. Ada North"),
                Arguments.of("else preferred_username", bearer(Set.of("preferred_username")), "ada.north"),
                Arguments.of("else sub", bearer(Set.of()), "person-31"));
    }

    @ParameterizedTest(name = "the display name is {0}")
    @MethodSource("displayNames")
    void theDisplayNameFallsBackFromNameToPreferredUsernameToSubject(String description, String token, String name) {
        given().auth().oauth2(token).get(ME).then().statusCode(200).body("name", equalTo(name));
    }

    private static String bearer(Set<String> claims) {
        JwtClaimsBuilder builder = TestCredentials.claims("person-31", Set.of(Roles.PROVIDER));
        if (claims.contains("name")) {
            builder.claim("name", "Dr. Ada North");
        }
        if (claims.contains("preferred_username")) {
            builder.preferredUserName("ada.north");
        }
        return builder.sign(TestCredentials.TRUSTED.getPrivate());
    }
}
