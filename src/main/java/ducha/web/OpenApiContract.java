package ducha.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the OpenAPI document with what the conventions of every operation imply, so that the annotations on
 * the resources stay about each operation itself: the headers (ETag, Link, Location, If-Match, If-None-Match,
 * Idempotency-Key, Idempotent-Replayed), the typed and described query and path parameters, and the problem
 * responses of each kind of operation, each with an example.
 */
public class OpenApiContract implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    /** Descriptions and schemas of the parameters that many operations share, by name. */
    private static final Map<String, ParameterDoc> PARAMETERS = new LinkedHashMap<>();

    private record ParameterDoc(String description, String type, String format, Object example) {
    }

    static {
        param("id", "The row's id.", "string", "uuid", "0b5f5a4e-3c3a-4f0e-9d4b-2a6f3c1d9e77");
        param("findingId", "The finding's id.", "string", "uuid", "0b5f5a4e-3c3a-4f0e-9d4b-2a6f3c1d9e77");
        param("limit", "Page size, 1 to 200.", "integer", "int32", 50);
        param("cursor", "Where the page starts: nextCursor of the previous page (opaque).", "string", null, null);
        param("since", "The nextCursor of the previous sync (opaque); none for a first sync.", "string", null, null);
        param("unitId", "A unit; includes its sub-units.", "string", "uuid", null);
        param("siteId", "A site.", "string", "uuid", null);
        param("inspectionId", "An inspection.", "string", "uuid", null);
        param("parentId", "The parent unit (direct children only).", "string", "uuid", null);
        param("from", "Start of the period, inclusive (ISO-8601 with offset).", "string", "date-time",
                "2021-08-01T00:00:00+08:00");
        param("to", "End of the period, exclusive (ISO-8601 with offset).", "string", "date-time",
                "2021-08-08T00:00:00+08:00");
        param("q", "Case-insensitive text to look for.", "string", null, null);
        param("district", "A district, e.g. 尉氏县.", "string", null, "尉氏县");
        param("township", "A township.", "string", null, null);
        param("active", "Only active (true) or inactive (false) rows.", "boolean", null, null);
        param("overdue", "Only overdue (true) or not overdue (false) findings.", "boolean", null, null);
        param("fileName", "The file's name, kept for display (its type is read from the content).", "string", null,
                "IMG_0231.jpg");
        param("Range", "A single byte range, e.g. bytes=0-65535 (RFC 9110 §14.2).", "string", null, "bytes=0-65535");
        param("If-Range", "The ETag the client holds: the Range applies only if it is still current.", "string",
                null, null);
    }

    private static void param(String name, String description, String type, String format, Object example) {
        PARAMETERS.put(name, new ParameterDoc(description, type, format, example));
    }

    /** Query parameters that take an enumeration, by name (kind: by the path's resource). */
    private static final Map<String, String> ENUMS = Map.of("status", "FindingStatus", "category", "FindingCategory",
            "severity", "Severity", "type", "SiteType", "presence", "Presence", "role", "AttachmentRole");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getInfo().getLicense() != null) {
            openAPI.getInfo().getLicense().setIdentifier("LicenseRef-Proprietary");
        }
        Components components = openAPI.getComponents();
        // Insertion-ordered, so that the document is the same in every run (Map.of has no stable order).
        Map<String, Header> headers = new LinkedHashMap<>();
        headers.put("ETag", header("The row's version (or the content's hash); send it back in If-Match or "
                + "If-None-Match.", "\"3\""));
        headers.put("Location", header("Where the created row is read: a reference relative to the host (or under the "
                + "configured public base URL).", null));
        headers.put("Link", header("The next page: <url>; rel=\"next\" (absent on the last page), relative like Location.",
                null));
        headers.put("IdempotentReplayed", header("true when this is the stored response of an earlier request with "
                + "the same Idempotency-Key.", "true"));
        headers.put("ContentRange", header("Which bytes of how many this answer holds.", "bytes 0-65535/245760"));
        components.setHeaders(headers);
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        parameters.put("IdempotencyKey", headerParameter("Idempotency-Key", false, "A key the client makes up (e.g. "
                + "a UUID) and sends again with every retry of this request. The first answer (success or 4xx) is "
                + "stored for at least 24 hours and replayed to the same caller for the same request; the same key "
                + "with another body is a 422, a retry while the first is still running a 409. Quoted (sf-string) "
                + "or bare.", "8e0f7a52-2a4c-4f49-a4c3-1c8f0c0f6b11"));
        parameters.put("IfMatchRequired", headerParameter("If-Match", true, "The ETag you read (or * for any "
                + "version), compared strongly: a weak (W/) tag never matches; of a list, any may match. Without it: "
                + "428; no tag matching: 412; not a quoted tag: 400.", "\"3\""));
        parameters.put("IfMatchOptional", headerParameter("If-Match", false, "The ETag you read; when given, compared "
                + "as for a change: no tag matching is a 412.", "\"3\""));
        parameters.put("IfNoneMatchCreate", headerParameter("If-None-Match", false, "* to create only a new row: "
                + "a client-chosen id that exists already is a 412 instead of a retry's answer.", "*"));
        parameters.put("IfNoneMatch", headerParameter("If-None-Match", false, "The ETag you hold: 304 when it is "
                + "still current.", "\"3\""));
        components.setParameters(parameters);
        Map<String, APIResponse> responses = new LinkedHashMap<>();
        problem(responses, "BadRequest", 400, "Invalid input: the problem names the fields.", "VALIDATION",
                "severity: must be one of [LOW, MEDIUM, HIGH, CRITICAL].");
        problem(responses, "Unauthenticated", 401, "No bearer token, or one that was not accepted (the detail says "
                        + "which, never why).", "UNAUTHENTICATED",
                "This operation needs a bearer token: send the header 'Authorization: Bearer <access token>'.");
        problem(responses, "Forbidden", 403, "The token's roles or unit do not allow this.", "FORBIDDEN",
                "This belongs to another unit; inspectors may only write for unit WEISHI-G1 and its "
                        + "sub-units.");
        problem(responses, "NotFound", 404, "No such row.", "NOT_FOUND",
                "No finding with id 0b5f5a4e-3c3a-4f0e-9d4b-2a6f3c1d9e77.");
        problem(responses, "Conflict", 409, "The request conflicts with the state of the data (e.g. a lifecycle "
                        + "move it does not allow, a row still referred to), or a request with the same "
                        + "Idempotency-Key is still running (code REQUEST_IN_FLIGHT: retry shortly).", "CONFLICT",
                "A finding that is RECTIFIED cannot take START; nothing is allowed to you now; an admin "
                        + "may VERIFY or REOPEN.");
        problem(responses, "PreconditionFailed", 412, "If-Match names a version that is no longer current.",
                "STALE_VERSION", "The finding 0b5f5a4e-3c3a-4f0e-9d4b-2a6f3c1d9e77 was changed by "
                        + "someone else; read it again and retry.");
        problem(responses, "AlreadyExists", 412, "If-None-Match: * and a row with the client-chosen id exists.",
                "ALREADY_EXISTS", "A finding with id 0b5f5a4e-3c3a-4f0e-9d4b-2a6f3c1d9e77 exists "
                        + "already; If-None-Match: * creates only a new one.");
        problem(responses, "PayloadTooLarge", 413, "The body is over the limit (1 MiB; 10 MiB for an attachment).",
                "PAYLOAD_TOO_LARGE", "The request body is larger than 1048576 bytes.");
        problem(responses, "UnsupportedMediaType", 415, "The body's type (declared, or for an attachment read from "
                        + "its bytes) is not accepted.", "UNSUPPORTED_MEDIA_TYPE",
                "The content is not a JPEG, PNG or WebP image or a PDF document.");
        problem(responses, "RangeNotSatisfiable", 416, "The Range lies beyond the content; Content-Range names its "
                + "size.", "RANGE_NOT_SATISFIABLE", "The requested range lies outside the "
                + "245760 bytes of this content.");
        problem(responses, "IdempotencyKeyReused", 422, "The Idempotency-Key was used before for another request.",
                "IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was already used for a "
                        + "different request (method, path or body). Use a new key for a new request.");
        problem(responses, "PreconditionRequired", 428, "If-Match is missing.", "PRECONDITION_REQUIRED",
                "This change needs the If-Match header with the ETag of the version you "
                        + "read.");
        responses.put("NotModified", OASFactory.createAPIResponse()
                .description("The ETag in If-None-Match is still current; no body.")
                .addHeader("ETag", headerRef("ETag")));
        components.setResponses(responses);

        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            path.getValue().getOperations().forEach((method, operation) ->
                    complete(path.getKey(), method, operation));
        }
    }

    private void complete(String path, PathItem.HttpMethod method, Operation operation) {
        boolean single = path.endsWith("}");
        boolean list = method == PathItem.HttpMethod.GET && !single && !path.endsWith("/me")
                && !path.endsWith("/history") && !path.endsWith("/sync");
        APIResponses responses = operation.getResponses();
        List<Parameter> parameters = operation.getParameters() == null ? new ArrayList<>()
                : new ArrayList<>(operation.getParameters());
        boolean conditionalCreate = parameters.stream().anyMatch(p -> "If-None-Match".equals(p.getName()));
        parameters.removeIf(p -> p.getRef() == null && "header".equals(p.getIn().toString())
                && List.of("Idempotency-Key", "If-Match", "If-None-Match").contains(p.getName()));
        parameters.forEach(parameter -> describe(path, parameter));

        APIResponse success = responses.getAPIResponses().entrySet().stream()
                .filter(r -> r.getKey().startsWith("2")).map(Map.Entry::getValue).findFirst().orElse(null);
        switch (method) {
            case GET -> {
                boolean sync = path.endsWith("/sync");
                if (list || sync) {
                    addHeader(success, "Link");
                }
                if (single || sync) {
                    addHeader(success, "ETag");
                    parameters.add(parameterRef("IfNoneMatch"));
                    responses.addAPIResponse("304", responseRef("NotModified"));
                }
                if (path.contains("{")) {
                    responses.addAPIResponse("404", responseRef("NotFound"));
                }
                if (path.endsWith("/attachments/{id}")) {
                    addHeader(responses.getAPIResponse("206"), "ContentRange");
                    addHeader(responses.getAPIResponse("206"), "ETag");
                    responses.addAPIResponse("416", responseRef("RangeNotSatisfiable"));
                }
            }
            case POST -> {
                parameters.add(parameterRef("IdempotencyKey"));
                addHeader(success, "ETag");
                addHeader(success, "IdempotentReplayed");
                if (responses.getAPIResponse("201") != null) {
                    addHeader(success, "Location");
                }
                if (conditionalCreate) {
                    parameters.add(parameterRef("IfNoneMatchCreate"));
                    responses.addAPIResponse("412", responseRef("AlreadyExists"));
                }
                if (path.contains("{")) {
                    responses.addAPIResponse("404", responseRef("NotFound"));
                }
                if (path.contains("/transitions")) {
                    parameters.add(parameterRef("IfMatchOptional"));
                    responses.addAPIResponse("412", responseRef("PreconditionFailed"));
                }
                responses.addAPIResponse("409", responseRef("Conflict"));
                responses.addAPIResponse("413", responseRef("PayloadTooLarge"));
                responses.addAPIResponse("415", responseRef("UnsupportedMediaType"));
                responses.addAPIResponse("422", responseRef("IdempotencyKeyReused"));
            }
            case PUT, DELETE -> {
                parameters.add(parameterRef("IfMatchRequired"));
                if (method == PathItem.HttpMethod.PUT) {
                    addHeader(success, "ETag");
                    responses.addAPIResponse("413", responseRef("PayloadTooLarge"));
                    responses.addAPIResponse("415", responseRef("UnsupportedMediaType"));
                }
                responses.addAPIResponse("404", responseRef("NotFound"));
                responses.addAPIResponse("409", responseRef("Conflict"));
                responses.addAPIResponse("412", responseRef("PreconditionFailed"));
                responses.addAPIResponse("428", responseRef("PreconditionRequired"));
            }
            default -> {
            }
        }
        responses.addAPIResponse("400", responseRef("BadRequest"));
        responses.addAPIResponse("401", responseRef("Unauthenticated"));
        responses.addAPIResponse("403", responseRef("Forbidden"));
        operation.setParameters(parameters);
        operation.setResponses(sorted(responses));
    }

    /** Gives a scanned query or path parameter its type, format, description and example. */
    private static void describe(String path, Parameter parameter) {
        if (parameter.getRef() != null) {
            return;
        }
        ParameterDoc doc = PARAMETERS.get(parameter.getName());
        if (doc != null) {
            Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.valueOf(doc.type().toUpperCase()));
            if (doc.format() != null) {
                schema.setFormat(doc.format());
            }
            if (parameter.getName().equals("limit")) {
                schema.minimum(java.math.BigDecimal.ONE).maximum(java.math.BigDecimal.valueOf(200));
            }
            parameter.setSchema(schema);
            parameter.setDescription(doc.description());
            if (doc.example() != null) {
                parameter.setExample(doc.example());
            }
        } else if (ENUMS.containsKey(parameter.getName())) {
            parameter.setSchema(OASFactory.createSchema().ref(ENUMS.get(parameter.getName())));
        } else if (parameter.getName().equals("kind")) {
            parameter.setSchema(OASFactory.createSchema().ref(path.contains("/units") ? "UnitKind" : "NoticeKind"));
        }
        if (parameter.getDescription() == null) {
            parameter.setDescription("Only rows with this " + parameter.getName() + ".");
        }
    }

    private static APIResponses sorted(APIResponses responses) {
        APIResponses ordered = OASFactory.createAPIResponses();
        responses.getAPIResponses().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> ordered.addAPIResponse(entry.getKey(), entry.getValue()));
        return ordered;
    }

    private static void addHeader(APIResponse response, String name) {
        if (response != null) {
            response.addHeader(name.equals("IdempotentReplayed") ? "Idempotent-Replayed"
                    : name.equals("ContentRange") ? "Content-Range" : name, headerRef(name));
        }
    }

    private static Header header(String description, String example) {
        Header header = OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        if (example != null) {
            header.setExample(example);
        }
        return header;
    }

    private static Header headerRef(String name) {
        return OASFactory.createHeader().ref("#/components/headers/" + name);
    }

    private static Parameter headerParameter(String name, boolean required, String description, String example) {
        return OASFactory.createParameter().name(name).in(Parameter.In.HEADER).required(required)
                .description(description).example(example)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(255));
    }

    private static Parameter parameterRef(String name) {
        return OASFactory.createParameter().ref("#/components/parameters/" + name);
    }

    private static APIResponse responseRef(String name) {
        return OASFactory.createAPIResponse().ref("#/components/responses/" + name);
    }

    private static void problem(Map<String, APIResponse> responses, String name, int status, String description,
            String code, String detail) {
        String title = Problem.titleOf(code, status);
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", Problem.typeOf(code));
        example.put("title", title);
        example.put("status", status);
        example.put("detail", detail);
        example.put("instance", "/api/v1/findings");
        example.put("code", code);
        if (status == 400) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("field", "severity");
            error.put("message", "must be one of [LOW, MEDIUM, HIGH, CRITICAL]");
            example.put("errors", List.of(error));
        }
        Example value = OASFactory.createExample().summary(title).value(example);
        MediaType mediaType = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM_REF))
                .addExample(code.toLowerCase(), value);
        APIResponse response = OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, mediaType));
        if (status == 401) {
            response.addHeader("WWW-Authenticate", OASFactory.createHeader().description("Bearer realm=\"ducha\"")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
        if (status == 416) {
            response.addHeader("Content-Range", headerRef("ContentRange"));
        }
        responses.put(name, response);
    }
}
