package org.microneedling.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.security.Authenticated;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Every REST operation states who may call it, so that a new endpoint cannot become public by accident (the
 * runtime backstop is {@code quarkus.security.jaxrs.deny-unannotated-endpoints}).
 */
class SecuredEndpointsTest {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.microneedling");
    private static final List<Class<? extends Annotation>> HTTP_METHODS =
            List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class);
    private static final List<Class<? extends Annotation>> DECLARATIONS =
            List.of(RolesAllowed.class, Authenticated.class, PermitAll.class, DenyAll.class);

    @Test
    void everyResourceMethodDeclaresItsRolesOrThatItIsPublic() {
        List<JavaMethod> operations = SERVICE.stream()
                .filter(type -> type.isAnnotatedWith(Path.class))
                .flatMap(type -> type.getMethods().stream())
                .filter(method -> HTTP_METHODS.stream().anyMatch(method::isAnnotatedWith))
                .toList();

        assertThat(operations).extracting(JavaMethod::getName)
                .contains("screen", "screenBatch", "rules", "questionnaire", "find", "verify", "me");
        assertThat(operations).allSatisfy(method -> assertThat(declared(method))
                .as("%s must carry @RolesAllowed, @Authenticated, @PermitAll or @DenyAll", method.getFullName())
                .isTrue());
    }

    @Test
    void apiRolesAreOnlyTheKnownOnes() {
        List<String> roles = new ArrayList<>();
        for (JavaClass type : SERVICE) {
            type.tryGetAnnotationOfType(RolesAllowed.class).ifPresent(allowed -> roles.addAll(List.of(allowed.value())));
            for (JavaMethod method : type.getMethods()) {
                method.tryGetAnnotationOfType(RolesAllowed.class)
                        .ifPresent(allowed -> roles.addAll(List.of(allowed.value())));
            }
        }

        assertThat(roles).isNotEmpty();
        assertThat(Set.copyOf(roles)).isSubsetOf(Roles.ALL);
    }

    private static boolean declared(JavaMethod method) {
        return DECLARATIONS.stream().anyMatch(annotation -> method.isAnnotatedWith(annotation)
                || method.getOwner().isAnnotatedWith(annotation));
    }
}
