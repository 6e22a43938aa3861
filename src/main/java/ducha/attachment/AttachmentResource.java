package ducha.attachment;

import ducha.common.Page;
import ducha.common.Params;
import ducha.security.Roles;
import ducha.web.ByteRange;
import ducha.web.ETags;
import ducha.web.Idempotency;
import ducha.web.Responses;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/findings/{findingId}/attachments")
@Tag(name = "Attachments", description = "Evidence photos and documents of a finding.")
public class AttachmentResource {

    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";
    static final String WEBP = "image/webp";
    static final String PDF = "application/pdf";

    private final AttachmentService service;
    private final Idempotency idempotency;

    public AttachmentResource(AttachmentService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "listAttachments", summary = "List a finding's attachments, oldest first")
    public Uni<Page<AttachmentView>> list(@RestPath String findingId) {
        return service.list(Params.requiredUuid("findingId", findingId)).map(items -> new Page<>(items, null));
    }

    @POST
    @Consumes({JPEG, PNG, WEBP, PDF, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "uploadAttachment", summary = "Attach a photo or PDF to a finding",
            description = "The body is the file itself (at most 10 MiB). Its type is read from its first bytes, "
                    + "not from its name or Content-Type: JPEG, PNG, WebP or PDF, anything else is a 415. Needs the "
                    + "rights of changing the finding. At most 20 per finding. role (default EVIDENCE): AFTER for a photo of "
                    + "the fix, which the rules to close count; JPEG and WebP photos have their EXIF time and GPS read "
                    + "and flagged, and their GPS removed from the stored copy where the unit's policy asks for it "
                    + "(docs/evidence.md).")
    @APIResponse(responseCode = "201", description = "Attached",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttachmentView.class)))
    public Uni<Response> upload(@RestPath String findingId, @RestQuery String fileName,
            @Parameter(description = "What the file shows: EVIDENCE (default), AFTER (the fix) or DOCUMENT.")
            @RestQuery String role,
            @RestHeader(Idempotency.KEY_HEADER) String idempotencyKey,
            @RequestBody(required = true, description = "The file itself, at most 10 MiB.", content = {
                    @Content(mediaType = JPEG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = PNG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = WEBP, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
                            schema = @Schema(type = SchemaType.STRING, format = "binary"))})
            java.nio.file.Path body, @Context UriInfo uri) {
        UUID finding = Params.requiredUuid("findingId", findingId);
        String name = Params.text("fileName", fileName, 255);
        AttachmentRole as = Params.enumOf(AttachmentRole.class, "role", role);
        // The key identifies the content, the name and the role, so the same key with another photo is a 422.
        return service.inspect(body).chain(upload -> idempotency.execute(idempotencyKey, uri,
                as == null ? Arrays.asList(upload.sha256(), name) : Arrays.asList(upload.sha256(), name, as.name()),
                () -> service.attach(finding, upload, name, as).map(view -> RestResponse.ResponseBuilder
                        .<AttachmentView>create(RestResponse.Status.CREATED)
                        .header(HttpHeaders.LOCATION, Responses.location(uri, view.id())).entity(view).tag(new EntityTag(view.sha256())).type(MediaType.APPLICATION_JSON_TYPE)
                        .build())));
    }

    @GET
    @Path("{id}")
    @Produces({JPEG, PNG, WEBP, PDF})
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "downloadAttachment", summary = "Download an attachment, or a byte range of it",
            description = "A single Range (bytes=first-last, first-, -suffix) answers 206 with Content-Range; a range "
                    + "beyond the end is a 416. If-Range with the ETag makes the Range conditional. The ETag is the "
                    + "content's SHA-256 and never changes: If-None-Match answers 304.")
    @APIResponse(responseCode = "200", description = "The whole content", content = {
            @Content(mediaType = JPEG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = PNG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = WEBP, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "206", description = "The requested range", content = {
            @Content(mediaType = JPEG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = PNG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = WEBP, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Uni<Response> download(@RestPath String findingId, @RestPath String id,
            @RestHeader("Range") String range, @RestHeader("If-Range") String ifRange) {
        UUID finding = Params.requiredUuid("findingId", findingId);
        UUID attachment = Params.requiredUuid("id", id);
        return service.get(finding, attachment).chain(view -> {
            ByteRange part = ByteRange.select(range, ifRange, view.sha256(), view.sizeBytes());
            long first = part == null ? 0 : part.first();
            long length = part == null ? view.sizeBytes() : part.length();
            return service.read(attachment, first, length).map(content -> {
                Response.ResponseBuilder response = Response.status(part == null ? 200 : 206).entity(content)
                        .type(view.mediaType())
                        .tag(new EntityTag(view.sha256()))
                        .header(HttpHeaders.CONTENT_LENGTH, length)
                        .header("Accept-Ranges", "bytes")
                        // Revalidated on every use, so a deletion or a revoked token is never outlived by a copy.
                        .header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
                        // A file is never run as a page of this origin, whatever it holds.
                        .header("Content-Security-Policy", "sandbox")
                        .header("X-Content-Type-Options", "nosniff")
                        .header("Content-Disposition", disposition(view));
                if (part != null) {
                    response.header("Content-Range", "bytes " + part.first() + "-" + part.last() + "/" + view.sizeBytes());
                }
                return response.build();
            });
        });
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "deleteAttachment", summary = "Delete an attachment",
            description = "Needs the rights of changing the finding and If-Match with the attachment's ETag (or *).")
    public Uni<Void> delete(@RestPath String findingId, @RestPath String id, @RestHeader("If-Match") String ifMatch) {
        return service.delete(Params.requiredUuid("findingId", findingId), Params.requiredUuid("id", id),
                ETags.requiredTags(ifMatch));
    }

    /**
     * Photos are shown inline, anything else (PDF) is saved as a file; under its own name when it has one (RFC 6266,
     * with the UTF-8 form for non-ASCII names).
     */
    private static String disposition(AttachmentView view) {
        String type = view.mediaType().startsWith("image/") ? "inline" : "attachment";
        if (view.fileName() == null) {
            return type;
        }
        String ascii = view.fileName().replaceAll("[^\\x20-\\x7e]", "_").replace("\\", "_");
        return type + "; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(view.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
    }
}
