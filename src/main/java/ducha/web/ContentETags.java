package ducha.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import ducha.common.Hashes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import java.util.Base64;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * ETags for answers without a version of their own (a sync page): a hash of the JSON the client receives, so
 * the same answer has the same tag and {@link ConditionalReads} can answer 304.
 */
@ApplicationScoped
public class ContentETags {

    private final ObjectMapper json;

    public ContentETags(ObjectMapper json) {
        this.json = json;
    }

    public EntityTag of(Object body) {
        try {
            byte[] digest = Hashes.sha256(json.writeValueAsBytes(body));
            return new EntityTag(Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a response", e);
        }
    }

    public <T> RestResponse.ResponseBuilder<T> ok(T body) {
        return RestResponse.ResponseBuilder.ok(body).tag(of(body));
    }
}
