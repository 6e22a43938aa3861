package ducha.attachment;

import ducha.change.ChangeLog;
import ducha.change.ChangeOp;
import ducha.common.AuditedEntity;
import ducha.common.ConflictException;
import ducha.common.Hashes;
import ducha.common.InvalidInputException;
import ducha.common.ResourceNotFoundException;
import ducha.common.StaleVersionException;
import ducha.finding.Finding;
import ducha.finding.FindingRepository;
import ducha.security.CurrentUser;
import ducha.security.UnitAccess;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.mutiny.Uni;
import io.vertx.core.file.OpenOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.file.AsyncFile;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Evidence on findings. The body of an upload arrives as a temporary file (written while it streamed in); it is
 * read in chunks, never whole: once to learn its size, hash and type, once more to store it chunk by chunk.
 * Attaching and deleting need the rights of changing the finding; every attach and delete is a change event.
 */
@ApplicationScoped
public class AttachmentService {

    static final String ENTITY = "attachment";
    /** Stored chunk size; also the read size of uploads, so memory per request stays around this much. */
    static final int CHUNK_BYTES = 256 * 1024;
    /** Evidence, not an archive: a finding with more is better split. */
    static final int MAX_PER_FINDING = 20;

    private final AttachmentRepository attachments;
    private final FindingRepository findings;
    private final UnitAccess access;
    private final CurrentUser user;
    private final ChangeLog changes;
    private final Vertx vertx;
    private final long maxBytes;
    private final PhotoChecks photos;

    public AttachmentService(AttachmentRepository attachments, FindingRepository findings, UnitAccess access,
            CurrentUser user, ChangeLog changes, Vertx vertx,
            @ConfigProperty(name = "ducha.limits.attachment", defaultValue = "10M") MemorySize maxSize,
            PhotoChecks photos) {
        this.photos = photos;
        this.attachments = attachments;
        this.findings = findings;
        this.access = access;
        this.user = user;
        this.changes = changes;
        this.vertx = vertx;
        this.maxBytes = maxSize.asLongValue();
    }

    /** What an uploaded file is: its size, SHA-256 (hex) and detected media type (null when not accepted). */
    public record Upload(Path file, long size, String sha256, String mediaType) {
    }

    /** Reads an uploaded file once, a chunk at a time. Touches no database. */
    public Uni<Upload> inspect(Path file) {
        MessageDigest digest = Hashes.sha256();
        byte[] head = new byte[MediaTypes.SIGNATURE_LENGTH];
        return withFile(file, handle -> forEachChunk(handle, 0, 0, (n, chunk) -> {
            byte[] bytes = chunk.getBytes();
            if (n == 0) {
                System.arraycopy(bytes, 0, head, 0, Math.min(head.length, bytes.length));
            }
            digest.update(bytes);
            return Uni.createFrom().voidItem();
        })).map(size -> new Upload(file, size, HexFormat.of().formatHex(digest.digest()),
                MediaTypes.detect(size < head.length ? Arrays.copyOf(head, size.intValue()) : head)));
    }

    /**
     * Attaches an inspected upload to a finding. Checks, in order: the finding (404), the unit rule (403), the
     * content (400 empty, 413 too large, 415 not an accepted type), the number of attachments (409).
     */
    @WithTransaction
    public Uni<AttachmentView> attach(UUID findingId, Upload upload, String fileName, AttachmentRole role) {
        Instant now = AuditedEntity.now();
        return requireFinding(findingId)
                .call(finding -> access.requireWriteAccess(finding.unitId))
                .invoke(() -> {
                    if (upload.size() == 0) {
                        throw new InvalidInputException("body", "is empty; send the photo or PDF as the body");
                    }
                    if (upload.size() > maxBytes) {
                        throw new AttachmentTooLargeException(maxBytes);
                    }
                    if (upload.mediaType() == null) {
                        throw new UnsupportedContentException();
                    }
                })
                .call(() -> attachments.countOfFinding(findingId).invoke(count -> {
                    if (count >= MAX_PER_FINDING) {
                        throw new ConflictException("A finding may have at most " + MAX_PER_FINDING
                                + " attachments; delete one first.");
                    }
                }))
                .chain(finding -> photos.examine(finding, upload, role == null ? AttachmentRole.EVIDENCE : role, now))
                .chain(examined -> {
                    Upload stored = examined.stored();
                    Attachment attachment = new Attachment();
                    attachment.id = UUID.randomUUID();
                    attachment.findingId = findingId;
                    attachment.fileName = cleanFileName(fileName);
                    attachment.mediaType = stored.mediaType();
                    attachment.sizeBytes = stored.size();
                    attachment.sha256 = stored.sha256();
                    attachment.uploadedBy = user.subject();
                    attachment.role = role == null ? AttachmentRole.EVIDENCE : role;
                    attachment.takenAt = examined.metadata().takenAt();
                    attachment.latitude = examined.metadata().latitude();
                    attachment.longitude = examined.metadata().longitude();
                    attachment.distance = examined.distance();
                    attachment.flags = String.join(",", examined.flags());
                    attachment.gpsStripped = examined.stripped();
                    return attachments.persistAndFlush(attachment)
                            .call(saved -> withFile(stored.file(), handle -> forEachChunk(handle, 0, 0,
                                    (n, chunk) -> attachments.insertChunk(saved.id, n, chunk.getBytes()))))
                            .eventually(() -> {
                                if (stored != upload) {
                                    PhotoChecks.delete(stored.file());
                                }
                            });
                })
                .call(attachment -> changes.record(ENTITY, attachment.id, ChangeOp.CREATE, attachment.version,
                        AttachmentView.of(attachment), null))
                .map(AttachmentView::of);
    }

    /** The attachments of a finding, oldest first. */
    @WithSession
    public Uni<List<AttachmentView>> list(UUID findingId) {
        return requireFinding(findingId)
                .chain(() -> attachments.ofFinding(findingId))
                .map(list -> list.stream().map(AttachmentView::of).toList());
    }

    @WithSession
    public Uni<AttachmentView> get(UUID findingId, UUID id) {
        return require(findingId, id).map(AttachmentView::of);
    }

    /** {@code length} bytes of the content from {@code first}; reads only the chunks that hold them. */
    @WithSession
    public Uni<io.vertx.core.buffer.Buffer> read(UUID id, long first, long length) {
        int firstChunk = (int) (first / CHUNK_BYTES);
        int lastChunk = (int) ((first + length - 1) / CHUNK_BYTES);
        return attachments.chunks(id, firstChunk, lastChunk).map(chunks -> {
            io.vertx.core.buffer.Buffer content = io.vertx.core.buffer.Buffer.buffer((int) length);
            long position = (long) firstChunk * CHUNK_BYTES;
            for (byte[] chunk : chunks) {
                int from = (int) Math.max(0, first - position);
                int to = (int) Math.min(chunk.length, first + length - position);
                if (to > from) {
                    content.appendBytes(chunk, from, to - from);
                }
                position += chunk.length;
            }
            return content;
        });
    }

    /** Deletes an attachment whose content hash is one of {@code expectedSha256}; null means any (If-Match: *). */
    @WithTransaction
    public Uni<Void> delete(UUID findingId, UUID id, Set<String> expectedSha256) {
        return require(findingId, id)
                .call(attachment -> requireFinding(findingId).chain(finding -> access.requireWriteAccess(finding.unitId)))
                .invoke(attachment -> {
                    if (expectedSha256 != null && !expectedSha256.contains(attachment.sha256)) {
                        throw new StaleVersionException(ENTITY, id, null);
                    }
                })
                .call(attachment -> attachments.delete(attachment).call(attachments::flush))
                .call(attachment -> changes.record(ENTITY, id, ChangeOp.DELETE, attachment.version,
                        AttachmentView.of(attachment), null))
                .replaceWithVoid();
    }

    private Uni<Finding> requireFinding(UUID findingId) {
        return findings.findById(findingId)
                .onItem().ifNull().failWith(() -> new ResourceNotFoundException("finding", findingId));
    }

    private Uni<Attachment> require(UUID findingId, UUID id) {
        return attachments.findById(id)
                .onItem().ifNull().failWith(() -> new ResourceNotFoundException(ENTITY, id))
                .invoke(attachment -> {
                    if (!attachment.findingId.equals(findingId)) {
                        throw new ResourceNotFoundException(ENTITY, id);
                    }
                });
    }

    /** One step of a chunked read: chunk number {@code n} and its bytes. */
    private interface ChunkStep {
        Uni<Void> apply(int n, Buffer chunk);
    }

    private <T> Uni<T> withFile(Path file, Function<AsyncFile, Uni<T>> work) {
        return vertx.fileSystem().open(file.toString(), new OpenOptions().setRead(true).setWrite(false))
                .chain(handle -> work.apply(handle).eventually(handle::close));
    }

    /** Reads the file a chunk at a time from {@code position}, one step per chunk; answers the bytes read. */
    private Uni<Long> forEachChunk(AsyncFile handle, long position, int n, ChunkStep step) {
        return handle.read(Buffer.buffer(CHUNK_BYTES), 0, position, CHUNK_BYTES).chain(chunk -> chunk.length() == 0
                ? Uni.createFrom().item(position)
                : step.apply(n, chunk).chain(() -> forEachChunk(handle, position + chunk.length(), n + 1, step)));
    }

    private static String cleanFileName(String name) {
        if (name == null) {
            return null;
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (base.isEmpty()) {
            return null;
        }
        return base.length() > 255 ? base.substring(base.length() - 255) : base;
    }
}
