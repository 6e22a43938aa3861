package ducha.attachment;

import ducha.common.Times;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Attachment", description = "Evidence attached to a finding: a JPEG, PNG or WebP photo or a PDF.")
public record AttachmentView(
        UUID id,
        UUID findingId,
        @Schema(description = "The name the client gave the file, if any; the type comes from the content.",
                examples = "IMG_0231.jpg") String fileName,
        @Schema(description = "Detected from the content.", enumeration = {"image/jpeg", "image/png", "image/webp",
                "application/pdf"}, examples = "image/jpeg") String mediaType,
        @Schema(description = "Size in bytes.", examples = "245760") long sizeBytes,
        @Schema(description = "SHA-256 of the content, hex; also the download's ETag.",
                examples = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String sha256,
        @Schema(description = "Token subject of who uploaded it.") String uploadedBy,
        @Schema(description = "Always 0: an attachment is never changed, only deleted.") long version,
        OffsetDateTime createdAt,
        @Schema(description = "What the file shows for its finding; AFTER photos count for the rules to close "
                + "(docs/evidence.md).") AttachmentRole role,
        @Schema(description = "The photo's own time (EXIF DateTimeOriginal, in its offset or else the report time "
                + "zone), never later than the upload; null when it has none.") OffsetDateTime takenAt,
        @Schema(description = "The photo's own GPS latitude (EXIF), kept even when the stored copy was stripped; null "
                + "when it has none.") Double latitude,
        @Schema(description = "The photo's own GPS longitude (EXIF).") Double longitude,
        @Schema(description = "Great-circle metres from the photo's position to the site; null without either.")
        Integer distance,
        @Schema(description = "What looks wrong with the photo's metadata (docs/evidence.md): FAR_FROM_SITE, "
                + "OUTSIDE_INSPECTION_DAY, TAKEN_BEFORE_FINDING, TIME_AFTER_UPLOAD.",
                examples = "[\"FAR_FROM_SITE\"]") List<String> flags,
        @Schema(description = "True when the unit's policy had the GPS tags removed from the stored copy.")
        boolean gpsStripped) {

    public static AttachmentView of(Attachment attachment) {
        return new AttachmentView(attachment.id, attachment.findingId, attachment.fileName, attachment.mediaType,
                attachment.sizeBytes, attachment.sha256, attachment.uploadedBy, attachment.version,
                Times.utc(attachment.createdAt), attachment.role, Times.utc(attachment.takenAt), attachment.latitude,
                attachment.longitude, attachment.distance,
                attachment.flags == null || attachment.flags.isEmpty() ? List.of()
                        : List.of(attachment.flags.split(",")),
                attachment.gpsStripped);
    }
}
