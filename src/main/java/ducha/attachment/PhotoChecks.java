package ducha.attachment;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import ducha.common.InvalidInputException;
import ducha.evidence.CheckIns;
import ducha.evidence.EvidenceSettings;
import ducha.finding.Finding;
import ducha.inspection.InspectionRepository;
import ducha.report.ReportSettings;
import ducha.site.Site;
import ducha.site.SiteRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What an uploaded photo's own metadata says against its finding (docs/evidence.md): reads EXIF time and GPS of
 * JPEG and WebP files, flags what does not fit, and strips the GPS tags from the stored copy where the unit's policy
 * asks for it. The file work is blocking and runs on a worker thread.
 */
@ApplicationScoped
class PhotoChecks {

    static final String FAR_FROM_SITE = "FAR_FROM_SITE";
    static final String OUTSIDE_INSPECTION_DAY = "OUTSIDE_INSPECTION_DAY";
    static final String TAKEN_BEFORE_FINDING = "TAKEN_BEFORE_FINDING";
    static final String TIME_AFTER_UPLOAD = "TIME_AFTER_UPLOAD";

    /** What is stored: the file (a stripped copy, or the upload), its metadata and the flags. */
    record Examined(AttachmentService.Upload stored, PhotoMetadata metadata, Integer distance, List<String> flags,
            boolean stripped) {
    }

    private record Read(PhotoMetadata metadata, boolean gpsTags) {
    }

    private final SiteRepository sites;
    private final InspectionRepository inspections;
    private final EvidenceSettings evidence;
    private final ZoneId zone;
    private final Vertx vertx;

    PhotoChecks(SiteRepository sites, InspectionRepository inspections, EvidenceSettings evidence,
            ReportSettings reports, Vertx vertx) {
        this.sites = sites;
        this.inspections = inspections;
        this.evidence = evidence;
        this.zone = reports.timeZone();
        this.vertx = vertx;
    }

    static boolean readable(String mediaType) {
        return "image/jpeg".equals(mediaType) || "image/webp".equals(mediaType);
    }

    Uni<Examined> examine(Finding finding, AttachmentService.Upload upload, AttachmentRole role, Instant now) {
        if (!readable(upload.mediaType())) {
            return Uni.createFrom().item(new Examined(upload, PhotoMetadata.NONE, null, List.of(), false));
        }
        return vertx.executeBlocking(Uni.createFrom().item(() -> read(upload.file())))
                .chain(read -> stripPolicy(finding).chain(strip -> strip && read.gpsTags()
                        ? vertx.executeBlocking(Uni.createFrom().item(() -> stripped(upload)))
                        : Uni.createFrom().item(upload))
                        .chain(stored -> judge(finding, role, read.metadata(), now)
                                .map(judged -> new Examined(stored, judged.metadata(), judged.distance(),
                                        judged.flags(), stored != upload))));
    }

    private record Judged(PhotoMetadata metadata, Integer distance, List<String> flags) {
    }

    private Uni<Judged> judge(Finding finding, AttachmentRole role, PhotoMetadata read, Instant now) {
        List<String> flags = new ArrayList<>();
        Instant takenAt = read.takenAt();
        // The device's time is believed up to the upload: a photo cannot have been taken after it reached us.
        if (takenAt != null && takenAt.isAfter(now.plus(evidence.clockSkew()))) {
            flags.add(TIME_AFTER_UPLOAD);
        }
        if (takenAt != null && takenAt.isAfter(now)) {
            takenAt = now;
        }
        PhotoMetadata metadata = new PhotoMetadata(takenAt, read.latitude(), read.longitude());
        Instant time = takenAt;
        return sites.findById(finding.siteId).chain(site -> {
            Integer distance = null;
            if (metadata.hasPosition()) {
                Double metres = CheckIns.distanceToSite(site, metadata.latitude(), metadata.longitude());
                if (metres != null) {
                    distance = (int) Math.round(metres);
                    if (metres > evidence.radius()) {
                        flags.add(FAR_FROM_SITE);
                    }
                }
            }
            Integer far = distance;
            if (time == null || role == AttachmentRole.DOCUMENT) {
                return Uni.createFrom().item(new Judged(metadata, far, flags));
            }
            if (role == AttachmentRole.AFTER) {
                if (time.isBefore(finding.foundAt)) {
                    flags.add(TAKEN_BEFORE_FINDING);
                }
                return Uni.createFrom().item(new Judged(metadata, far, flags));
            }
            // Evidence of what was found: taken on the day of the visit (or of the finding, without one).
            Uni<Instant> day = finding.inspectionId == null ? Uni.createFrom().item(finding.foundAt)
                    : inspections.findById(finding.inspectionId)
                            .map(inspection -> inspection == null ? finding.foundAt : inspection.startedAt);
            return day.map(visit -> {
                if (!LocalDate.ofInstant(visit, zone).equals(LocalDate.ofInstant(time, zone))) {
                    flags.add(OUTSIDE_INSPECTION_DAY);
                }
                return new Judged(metadata, far, flags);
            });
        });
    }

    /** True when the finding's unit, or a unit above it, is on the list of ducha.evidence.strip-gps-units. */
    private Uni<Boolean> stripPolicy(Finding finding) {
        List<String> codes = evidence.stripGpsUnits().stream().map(String::trim)
                .filter(code -> !code.isEmpty() && !code.equals("NONE")).toList();
        if (codes.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                select exists(select 1 from unit_closure c join unit a on a.id = c.ancestor_id
                              where c.unit_id = :unit and a.code in (:codes))""", Boolean.class)
                .setParameter("unit", finding.unitId)
                .setParameter("codes", codes)
                .getSingleResult());
    }

    private Read read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Metadata metadata = ImageMetadataReader.readMetadata(in);
            return new Read(PhotoMetadata.of(metadata, zone), PhotoMetadata.hasGpsTags(metadata));
        } catch (Exception e) {
            // Unreadable metadata says nothing; the photo is stored as it came.
            return new Read(PhotoMetadata.NONE, false);
        }
    }

    /** A copy without GPS in a temporary file, with its own size and hash (the stored content's ETag). */
    static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A temporary file left behind is removed with the temporary directory.
        }
    }

    private AttachmentService.Upload stripped(AttachmentService.Upload upload) {
        Path copy = null;
        try {
            copy = Files.createTempFile("ducha-stripped-", ".img");
            GpsStripper.strip(upload.file(), copy, upload.mediaType());
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long size;
            try (InputStream in = new DigestInputStream(Files.newInputStream(copy), digest)) {
                size = in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return new AttachmentService.Upload(copy, size, HexFormat.of().formatHex(digest.digest()),
                    upload.mediaType());
        } catch (IOException | RuntimeException e) {
            delete(copy);
            // The unit's policy cannot be kept for a file whose structure we cannot walk: it is not stored.
            throw new InvalidInputException("body", "is not a well-formed " + upload.mediaType()
                    + "; its GPS tags could not be removed as the unit's policy requires");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
