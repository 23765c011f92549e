package org.microneedling.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

class CallerTest {

    @Test
    void anAnonymousCallerBelongsToTheDefaultClinic() {
        SecurityIdentity anonymous = QuarkusSecurityIdentity.builder().setAnonymous(true).build();

        assertThat(Caller.of(anonymous)).isEqualTo(new Caller(null, "anonymous", "anonymous", "default"));
        assertThat(Caller.clinicOf(anonymous)).isEqualTo("default");
        assertThat(Caller.of(null).clinicId()).isEqualTo("default");
    }

    @Test
    void aKeyClientIsItsOwnPersonAndNameInTheClinicOfItsLine() {
        SecurityIdentity key = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("north-intake"))
                .addAttribute(Caller.CLINIC_ATTRIBUTE, "north").build();

        assertThat(Caller.of(key)).isEqualTo(new Caller("north-intake", "north-intake", "north-intake", "north"));
        assertThat(Caller.clinicOf(key)).isEqualTo("north");
    }

    @Test
    void anIdentityWithoutAClinicBelongsToTheDefaultClinic() {
        SecurityIdentity key = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("clinic-a")).build();

        assertThat(Caller.of(key).clinicId()).isEqualTo("default");
        assertThat(Caller.clinicOf(key)).isEqualTo("default");
    }
}
