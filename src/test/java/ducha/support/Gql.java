package ducha.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.Map;

/** GraphQL over HTTP as a front end sends it: POST /graphql with query and variables. */
public final class Gql {

    private Gql() {
    }

    public static JsonPath query(String token, String query) {
        return query(token, query, Map.of());
    }

    public static JsonPath query(String token, String query, Map<String, Object> variables) {
        var request = given().contentType(ContentType.JSON).accept(ContentType.JSON);
        if (token != null) {
            request.auth().oauth2(token);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        // Without a token the request is refused before GraphQL runs: 401, with the same errors[] shape.
        return request.body(body).post("/graphql").then().statusCode(token == null ? 401 : 200).extract().jsonPath();
    }

    /** The names of every mutation in the running schema (introspection is on outside prod). */
    public static java.util.List<String> mutationNames(String token) {
        return query(token, "{ __schema { mutationType { fields { name } } } }")
                .getList("data.__schema.mutationType.fields.name", String.class);
    }

    /** The code of the first error, or null when there is none. */
    public static String errorCode(JsonPath response) {
        return response.getString("errors[0].extensions.code");
    }
}
