package ducha.graphql.planner;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.execution.CoercedVariables;
import graphql.schema.GraphQLSchema;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

/**
 * An operation without variables is planned once and its statement reused (PlannedReads), unless the statement binds
 * the time of the request: overdue, as a field or a filter, is judged at that time.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class StatementReuseTest {

    @Test
    void aStatementThatBindsTheTimeOfTheRequestIsNotReused() {
        assertThat(statement("{ findings(first: 5) { edges { node { id status } } } }").timeDependent()).isFalse();
        assertThat(statement("{ findings(first: 5) { edges { node { id overdue } } } }").timeDependent()).isTrue();
        assertThat(statement("{ findings(first: 5, filter: {overdue: true}) { edges { node { id } } } }")
                .timeDependent()).isTrue();
        assertThat(statement("{ units(first: 5) { edges { node { findings(first: 2, filter: {overdue: false}) {"
                + " edges { node { id } } } } } } }").timeDependent()).isTrue();
    }

    @Test
    void onlyAnOperationWithoutVariablesIsFixed() {
        assertThat(normalize("{ finding(id: \"00000000-0000-0000-0000-000000000001\") { id } }").fixed()).isTrue();
        assertThat(normalize("query($id: ID!) { finding(id: $id) { id } }").fixed()).isFalse();
    }

    private static ReadPlanner.Statement statement(String query) {
        GraphQLSchema schema = Arc.container().instance(GraphQLSchema.class).get();
        return ReadPlanner.render(schema, normalize(query), CoercedVariables.emptyVariables());
    }

    private static NormalizedOperation normalize(String query) {
        GraphQLSchema schema = Arc.container().instance(GraphQLSchema.class).get();
        PreparedDocument document = PreparedDocument.prepare(query, schema);
        return document.normalize(document.operation(null), CoercedVariables.emptyVariables());
    }
}
