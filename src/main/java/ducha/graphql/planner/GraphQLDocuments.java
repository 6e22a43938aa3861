package ducha.graphql.planner;

import graphql.schema.GraphQLSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** GraphQL documents parsed and validated once per replica, the most recently used kept (DUCHA_GRAPHQL_DOCUMENTS). */
@ApplicationScoped
public class GraphQLDocuments {

    private final Instance<GraphQLSchema> schemas;
    private final BoundedCache<String, PreparedDocument> documents;
    private volatile GraphQLSchema schema;

    public GraphQLDocuments(Instance<GraphQLSchema> schemas,
            @ConfigProperty(name = "ducha.graphql.documents", defaultValue = "500") int size) {
        this.schemas = schemas;
        this.documents = new BoundedCache<>(size);
    }

    public PreparedDocument prepare(String text) {
        GraphQLSchema known = schema();
        return documents.computeIfAbsent(text, t -> PreparedDocument.prepare(t, known));
    }

    /** SmallRye builds the schema at start; it is read once it is there. */
    public GraphQLSchema schema() {
        GraphQLSchema known = schema;
        if (known == null) {
            known = schemas.get();
            schema = known;
        }
        return known;
    }
}
