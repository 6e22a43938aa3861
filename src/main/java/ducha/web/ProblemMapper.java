package ducha.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import ducha.common.DomainException;
import ducha.common.Failures;
import ducha.common.FieldError;
import ducha.common.InvalidInputException;
import ducha.security.UnauthenticatedException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.CompositeException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.hibernate.HibernateException;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every REST error becomes RFC 9457 problem details. The mappers below only exist to win over Quarkus' own
 * mappers for the same types; all of them delegate to {@link #toResponse}.
 */
public class ProblemMapper {

    @ServerExceptionMapper
    public RestResponse<Problem> domain(DomainException e, UriInfo uri) {
        return toResponse(e, uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> webApplication(WebApplicationException e, UriInfo uri) {
        return toResponse(e, uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> validation(ConstraintViolationException e, UriInfo uri) {
        return toResponse(e, uri);
    }

    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class,
            JsonParseException.class, InvalidFormatException.class, UnrecognizedPropertyException.class})
    public RestResponse<Problem> json(Exception e, UriInfo uri) {
        return toResponse(e, uri);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class, ForbiddenException.class})
    public RestResponse<Problem> security(Exception e, UriInfo uri) {
        return toResponse(e, uri);
    }

    @ServerExceptionMapper({CompositeException.class, CompletionException.class, PersistenceException.class,
            HibernateException.class, Exception.class})
    public RestResponse<Problem> other(Exception e, UriInfo uri) {
        return toResponse(e, uri);
    }

    static RestResponse<Problem> toResponse(Throwable failure, UriInfo uri) {
        Throwable e = Failures.translate(failure);
        String path = uri == null ? null : uri.getPath();
        if (e instanceof DomainException domain) {
            Problem problem = new Problem(domain.code(), domain.status(), domain.getMessage(), path,
                    domain instanceof InvalidInputException invalid ? invalid.errors() : null);
            domain.extensions().forEach((name, value) -> {
                if (!name.equals("errors") || problem.errors == null) {
                    problem.with(name, value);
                }
            });
            if (domain instanceof UnauthenticatedException unauthenticated) {
                return RestResponse.ResponseBuilder.<Problem>create(401).type(Problem.MEDIA_TYPE)
                        .header("WWW-Authenticate", unauthenticated.challenge()).entity(problem).build();
            }
            if (domain instanceof RangeNotSatisfiableException) {
                // RFC 9110 §15.5.17: a 416 names the current length.
                return RestResponse.ResponseBuilder.<Problem>create(416).type(Problem.MEDIA_TYPE)
                        .header("Content-Range", "bytes */" + domain.extensions().get("size")).entity(problem).build();
            }
            return respond(problem);
        }
        if (e instanceof JsonProcessingException json) {
            return respond(jsonProblem(json, path));
        }
        if (e instanceof WebApplicationException web && web.getCause() instanceof JsonProcessingException json) {
            return respond(jsonProblem(json, path));
        }
        if (e instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            RestResponse.ResponseBuilder<Problem> builder = RestResponse.ResponseBuilder.<Problem>create(status)
                    .type(Problem.MEDIA_TYPE)
                    .entity(new Problem(codeOf(status), status, detailOf(status, path), path, null));
            String allow = web.getResponse().getHeaderString("Allow");
            if (allow != null) {
                builder.header("Allow", allow);
            }
            return builder.build();
        }
        String incident = UUID.randomUUID().toString();
        Log.errorf(e, "Unexpected failure %s on %s", incident, path);
        return respond(new Problem("INTERNAL", 500,
                "The service failed unexpectedly; the incident id is in its log.", path, null)
                .with("incident", incident));
    }

    private static RestResponse<Problem> respond(Problem problem) {
        RestResponse.ResponseBuilder<Problem> builder = RestResponse.ResponseBuilder.<Problem>create(problem.status)
                .type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status == 503) {
            builder.header("Retry-After", "1");
        }
        return builder.build();
    }

    private static Problem jsonProblem(JsonProcessingException json, String path) {
        JsonParseException syntax = syntaxErrorIn(json);
        if (syntax != null) {
            // Jackson reports a body that breaks off inside a member under that member's name; it is still not JSON.
            JsonLocation at = syntax.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return new Problem("MALFORMED_JSON", 400, syntax instanceof JsonEOFException
                    ? "The request body is not valid JSON: it breaks off" + where + "."
                    : "The request body is not valid JSON" + where + ".", path, null);
        }
        if (json instanceof UnrecognizedPropertyException unknown) {
            String field = pathOf(unknown);
            return new Problem("VALIDATION", 400,
                    field + ": is not a property of this resource (server-owned or misspelt).", path,
                    List.of(new FieldError(field, "is not accepted here")));
        }
        if (json instanceof InvalidFormatException format) {
            String field = pathOf(format);
            String expected = format.getTargetType() != null && format.getTargetType().isEnum()
                    ? "one of " + java.util.Arrays.toString(format.getTargetType().getEnumConstants())
                    : "a valid " + simpleName(format.getTargetType());
            return new Problem("VALIDATION", 400, field + ": must be " + expected + ".", path,
                    List.of(new FieldError(field, "must be " + expected)));
        }
        if (json instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            String field = pathOf(mismatched);
            String expected = "a valid " + simpleName(mismatched.getTargetType());
            return new Problem("VALIDATION", 400, field + ": must be " + expected + ".", path,
                    List.of(new FieldError(field, "must be " + expected)));
        }
        if (json instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = pathOf(mapping);
            return new Problem("VALIDATION", 400, field + ": has an invalid value.", path,
                    List.of(new FieldError(field, "has an invalid value")));
        }
        return new Problem("MALFORMED_JSON", 400,
                "The request body is not valid JSON of the expected shape.", path, null);
    }

    private static JsonParseException syntaxErrorIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JsonParseException syntax) {
                return syntax;
            }
        }
        return null;
    }

    private static String simpleName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        return switch (type.getSimpleName()) {
            case "UUID" -> "UUID";
            case "OffsetDateTime", "Instant" -> "ISO-8601 time with offset";
            case "Integer", "int", "Long", "long" -> "whole number";
            case "Double", "double" -> "number";
            case "Boolean", "boolean" -> "boolean";
            case "String" -> "string";
            case "List", "Set" -> "array";
            default -> "object";
        };
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String codeOf(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 409 -> "CONFLICT";
            case 412 -> "STALE_VERSION";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 428 -> "PRECONDITION_REQUIRED";
            default -> status >= 500 ? "INTERNAL" : "HTTP_" + status;
        };
    }

    private static String detailOf(int status, String path) {
        return switch (status) {
            case 404 -> "There is nothing at this path.";
            case 405 -> "This path does not support that method.";
            case 406 -> "This resource cannot answer in the media type you accept.";
            // The routing refuses the type before any resource is chosen; the path tells which body was meant.
            case 415 -> path != null && path.endsWith("/attachments")
                    ? "Upload an attachment as image/jpeg, image/png, image/webp, application/pdf or "
                            + "application/octet-stream."
                    : "Send the body as application/json (Content-Type: application/json).";
            default -> status >= 500 ? "The service failed unexpectedly." : "The request was refused.";
        };
    }
}
