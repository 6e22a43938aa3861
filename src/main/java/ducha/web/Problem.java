package ducha.web;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import ducha.common.FieldError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details, the body of every error response. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details.")
public class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Schema(description = "URI reference naming the kind of problem.", examples = "urn:ducha:problem:validation")
    public final String type;
    @Schema(description = "Short summary of the kind of problem.", examples = "Invalid input")
    public final String title;
    @Schema(description = "HTTP status code.", examples = "400")
    public final int status;
    @Schema(description = "What went wrong in this request, for a person.")
    public final String detail;
    @Schema(description = "The request path.")
    public final String instance;
    @Schema(description = "Stable machine-readable code, the same as GraphQL's extensions.code.", examples = "VALIDATION")
    public final String code;
    @Schema(description = "The invalid fields, for validation problems.")
    public final List<FieldError> errors;

    @Schema(hidden = true)
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public Problem(String code, String title, int status, String detail, String instance, List<FieldError> errors) {
        this.type = "urn:ducha:problem:" + code.toLowerCase().replace('_', '-');
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.instance = instance;
        this.code = code;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    public Problem with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    @JsonAnyGetter
    public Map<String, Object> extensions() {
        return extensions;
    }
}
