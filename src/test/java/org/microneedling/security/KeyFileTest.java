package org.microneedling.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyFileTest {

    private static final String HASH = "3b0d6c" + "0".repeat(58);
    private static final String OTHER_HASH = "9f86d0" + "1".repeat(58);

    @Test
    void aLineWithoutAClinicBelongsToTheDefaultClinic() {
        KeyFile.Parsed parsed = KeyFile.parse(List.of("clinic-a-intake screening " + HASH));

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.clientId()).isEqualTo("clinic-a-intake");
            assertThat(entry.roles()).containsExactly(Roles.SCREENING);
            assertThat(entry.keyHash()).isEqualTo(HexFormat.of().parseHex(HASH));
            assertThat(entry.clinicId()).isEqualTo("default");
        });
    }

    @Test
    void aFourthFieldIsTheClinic() {
        KeyFile.Parsed parsed = KeyFile.parse(List.of("north-desk screening,audit " + HASH + " north-2"));

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.clinicId()).isEqualTo("north-2");
            assertThat(entry.roles()).containsExactlyInAnyOrder(Roles.SCREENING, Roles.AUDIT);
        });
    }

    @Test
    void theClinicianRolesAreKnown() {
        KeyFile.Parsed parsed = KeyFile.parse(List.of(
                "dr-a provider " + HASH + " north",
                "dr-b medical-director,provider " + OTHER_HASH + " north"));

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.entries()).extracting(KeyFile.Entry::roles).containsExactly(
                Set.of(Roles.PROVIDER), Set.of(Roles.MEDICAL_DIRECTOR, Roles.PROVIDER));
    }

    @ParameterizedTest(name = "clinic \"{0}\" makes the line invalid")
    @ValueSource(strings = { "North", "north_east", "-north", "n.orth", "north/1",
            "a23456789012345678901234567890123456789012" })
    void aMalformedClinicSkipsItsLineOnlyAndTheErrorNamesTheLineNotTheHash(String clinic) {
        KeyFile.Parsed parsed = KeyFile.parse(List.of(
                "# keys",
                "clinic-a screening " + OTHER_HASH,
                "clinic-b screening " + HASH + " " + clinic,
                "clinic-c audit " + OTHER_HASH + " south"));

        assertThat(parsed.entries()).extracting(KeyFile.Entry::clientId).containsExactly("clinic-a", "clinic-c");
        assertThat(parsed.errors()).singleElement().asString()
                .startsWith("line 3: ")
                .contains("clinic")
                .doesNotContain(HASH)
                .doesNotContain(clinic);
    }

    @Test
    void aClinicOfFortyCharactersIsTheLongestAccepted() {
        String longest = "a".repeat(40);

        assertThat(KeyFile.parse(List.of("c screening " + HASH + " " + longest)).entries())
                .extracting(KeyFile.Entry::clinicId).containsExactly(longest);
    }

    @Test
    void moreThanFourFieldsIsInvalid() {
        KeyFile.Parsed parsed = KeyFile.parse(List.of("c screening " + HASH + " north extra"));

        assertThat(parsed.entries()).isEmpty();
        assertThat(parsed.errors()).singleElement().asString()
                .isEqualTo("line 1: expected <client-id> <roles> <sha256 hex> [<clinic>], found 5 fields");
    }

    @Test
    void anUnknownRoleIsStillInvalidWithAClinic() {
        KeyFile.Parsed parsed = KeyFile.parse(List.of("c nurse " + HASH + " north"));

        assertThat(parsed.entries()).isEmpty();
        assertThat(parsed.errors()).singleElement().asString().startsWith("line 1: roles must be among ")
                .contains("medical-director", "provider");
    }
}
