package ducha.graphql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ducha.support.Endpoints;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.junit.jupiter.api.Test;

/** The schema is a contract: committed, described, and every operation states its roles. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class GraphQLContractTest {

    private static final Path COMMITTED = Path.of("schema.graphql");

    @Test
    void servedSchemaIsTheCommittedOne() throws Exception {
        String served = given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        if (System.getProperty("ducha.schema.write") != null) {
            Files.writeString(COMMITTED, served);
        }
        assertThat(Files.exists(COMMITTED)).as("schema.graphql is committed (write it with -Dducha.schema.write)").isTrue();
        assertThat(served).as("the served schema drifted from schema.graphql; review the change and rerun "
                + "with -Dducha.schema.write to accept it").isEqualTo(Files.readString(COMMITTED));
    }

    @Test
    void everyTypeAndFieldIsDescribed() throws Exception {
        String schema = Files.readString(COMMITTED);
        List<String> undescribed = new ArrayList<>();
        String previous = "";
        for (String line : schema.split("\n")) {
            String trimmed = line.trim();
            boolean declaration = trimmed.matches("^(type|input|enum) \\w+.*\\{$")
                    || (line.startsWith("  ") && !line.startsWith("    ") && trimmed.matches("^\\w+(\\(.*)?:.*|^\\w+\\($"));
            boolean described = previous.endsWith("\"") || previous.endsWith("\"\"\"");
            if (declaration && !described && !trimmed.startsWith("type Query") && !trimmed.startsWith("type Mutation")
                    && !trimmed.startsWith("type Subscription")) {
                undescribed.add(trimmed);
            }
            previous = trimmed;
        }
        assertThat(undescribed).as("schema elements without a description").isEmpty();
    }

    @Test
    void everyGraphQLOperationAndFieldDeclaresItsRoles() {
        List<String> undeclared = new ArrayList<>();
        int operations = 0;
        for (Class<?> type : apiClasses()) {
            for (Method method : type.getDeclaredMethods()) {
                boolean operation = method.isAnnotationPresent(Query.class) || method.isAnnotationPresent(Mutation.class)
                        || method.isAnnotationPresent(io.smallrye.graphql.api.Subscription.class)
                        || hasSource(method);
                if (operation) {
                    operations++;
                    if (!method.isAnnotationPresent(RolesAllowed.class) && !method.isAnnotationPresent(PermitAll.class)) {
                        undeclared.add(type.getSimpleName() + "." + method.getName());
                    }
                }
            }
        }
        assertThat(operations).isGreaterThan(40);
        assertThat(undeclared).as("GraphQL operations without @RolesAllowed").isEmpty();
    }

    private static boolean hasSource(Method method) {
        for (Parameter parameter : method.getParameters()) {
            if (parameter.isAnnotationPresent(Source.class)) {
                return true;
            }
        }
        return false;
    }

    private static List<Class<?>> apiClasses() {
        Pattern name = Pattern.compile("(ducha/.*GraphQLApi)\\.class$");
        List<Class<?>> classes = new ArrayList<>();
        try (var files = Files.walk(Path.of("target/classes/ducha"))) {
            for (Path file : files.toList()) {
                Matcher matcher = name.matcher(file.toString().replace('\\', '/'));
                if (matcher.find()) {
                    Class<?> type = Class.forName(matcher.group(1).replace('/', '.'));
                    if (type.isAnnotationPresent(GraphQLApi.class)) {
                        classes.add(type);
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return classes;
    }
}
