package ducha.security;

import static org.assertj.core.api.Assertions.assertThat;

import ducha.support.Endpoints;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fails the build when a REST operation does not state who may call it. */
class RolesDeclaredTest {

    @Test
    void everyRestOperationDeclaresItsRoles() {
        List<Endpoints.Endpoint> endpoints = Endpoints.all();
        assertThat(endpoints).hasSizeGreaterThan(20);
        List<String> undeclared = endpoints.stream()
                .filter(e -> !e.method().isAnnotationPresent(RolesAllowed.class)
                        && !e.method().isAnnotationPresent(PermitAll.class)
                        && !e.method().isAnnotationPresent(DenyAll.class))
                .map(Endpoints.Endpoint::toString)
                .toList();
        assertThat(undeclared).as("operations without @RolesAllowed/@PermitAll/@DenyAll").isEmpty();
    }

    @Test
    void onlyKnownRolesAreNamed() {
        for (Endpoints.Endpoint endpoint : Endpoints.all()) {
            RolesAllowed roles = endpoint.method().getAnnotation(RolesAllowed.class);
            if (roles != null) {
                assertThat(roles.value()).as(endpoint.toString()).isSubsetOf(Roles.INSPECTOR, Roles.ADMIN);
            }
        }
    }
}
