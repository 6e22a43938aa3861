package ducha.graphql.planner;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.execution.CoercedVariables;
import graphql.schema.GraphQLSchema;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * bench/planner-nested.sql is the planner's own statement for bench/run's nested read (50 sites of a district, 10
 * newest findings each, the finding's unit), as a pgbench script: pgbench runs it beside the service to show what the
 * framework around the statement costs. This test fails when the planner's statement and the file part; refresh the
 * file with {@code -Dducha.bench.write=true} and review the diff.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class PlannedSqlFileTest {

    static final String DISTRICT = "第03区";
    static final String NESTED_READ = "{ sites(first: 50, filter: {district: \"" + DISTRICT + "\"}) { edges { node { code"
            + " name findings(first: 10) { edges { node { id description status foundAt unit { name } } } } } } } }";
    private static final Path FILE = Path.of("bench/planner-nested.sql");

    @Test
    void benchRunsThePlannersOwnStatement() throws Exception {
        GraphQLSchema schema = Arc.container().instance(GraphQLSchema.class).get();
        PreparedDocument document = PreparedDocument.prepare(NESTED_READ, schema);
        NormalizedOperation operation = document.normalize(document.operation(null), CoercedVariables.emptyVariables());
        ReadPlanner.Statement statement = ReadPlanner.render(schema, operation, CoercedVariables.emptyVariables());

        StringBuilder script = new StringBuilder("""
                -- The read planner's statement for bench/run's nested read (graphql-sites): 50 sites of a district, the 10
                -- newest findings of each, the finding's unit. Written by PlannedSqlFileTest from the planner itself; the
                -- district is pgbench's variable, the other parameters their values. Do not edit: refresh it with
                --   ./mvnw test -Dtest=PlannedSqlFileTest -Dducha.bench.write=true
                """);
        Matcher parameter = Pattern.compile("\\$(\\d+)").matcher(statement.sql());
        StringBuilder sql = new StringBuilder();
        while (parameter.find()) {
            Object value = statement.parameters().get(Integer.parseInt(parameter.group(1)) - 1);
            String literal = DISTRICT.equals(value) ? ":district"
                    : value instanceof Number ? value.toString() : "'" + value.toString().replace("'", "''") + "'";
            parameter.appendReplacement(sql, Matcher.quoteReplacement(literal));
        }
        parameter.appendTail(sql);
        script.append(sql).append(";\n");

        if (Boolean.getBoolean("ducha.bench.write")) {
            Files.writeString(FILE, script, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
                .as("bench/planner-nested.sql is the planner's statement; refresh it with -Dducha.bench.write=true")
                .isEqualTo(script.toString());
    }
}
