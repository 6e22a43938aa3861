package ducha.graphql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import ducha.common.DomainException;
import io.smallrye.graphql.api.ErrorExtensionProvider;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * Adds {@code extensions.details} to a GraphQL error raised by a domain rule: the same members REST puts in
 * its problem details (invalid fields, allowed actions, the current version …).
 */
public class DetailsExtension implements ErrorExtensionProvider {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Override
    public String getKey() {
        return "details";
    }

    @Override
    public JsonValue mapValueFrom(Throwable exception) {
        if (!(exception instanceof DomainException domain) || domain.extensions().isEmpty()) {
            return null;
        }
        try (var reader = Json.createReader(new StringReader(JSON.writeValueAsString(domain.extensions())))) {
            return reader.readValue();
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
