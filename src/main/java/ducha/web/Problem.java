package ducha.web;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import ducha.common.FieldError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details, the body of every error response. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details.")
public class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * The title of each kind of problem, as openapi.yaml documents them (web/OpenApiContract writes its examples
     * from this table). By status, except where one status has several kinds.
     */
    private static final Map<String, String> TITLE_BY_CODE = Map.of(
            "ALREADY_EXISTS", "Already exists",
            "MALFORMED_JSON", "Malformed JSON");
    private static final Map<Integer, String> TITLE_BY_STATUS = Map.ofEntries(
            Map.entry(400, "Invalid input"),
            Map.entry(401, "Unauthenticated"),
            Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"),
            Map.entry(406, "Not Acceptable"),
            Map.entry(409, "Conflict"),
            Map.entry(412, "Stale version"),
            Map.entry(413, "Payload too large"),
            Map.entry(415, "Unsupported Media Type"),
            Map.entry(416, "Range Not Satisfiable"),
            Map.entry(422, "Unprocessable Content"),
            Map.entry(428, "Precondition required"),
            Map.entry(500, "Internal error"),
            Map.entry(503, "Service Unavailable"));

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

    public Problem(String code, int status, String detail, String instance, List<FieldError> errors) {
        this.type = typeOf(code);
        this.title = titleOf(code, status);
        this.status = status;
        this.detail = detail;
        this.instance = instance;
        this.code = code;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    /** The URI naming a kind of problem: its code in lower case, words joined by '-'. */
    public static String typeOf(String code) {
        return "urn:ducha:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static String titleOf(String code, int status) {
        String title = TITLE_BY_CODE.getOrDefault(code, TITLE_BY_STATUS.get(status));
        return title != null ? title : status >= 500 ? TITLE_BY_STATUS.get(500) : "HTTP " + status;
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
