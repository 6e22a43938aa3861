package ducha.attachment;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * What a photo says of itself: its EXIF time and GPS position, read with metadata-extractor. Unreadable or absent
 * metadata is no error: the photo simply says nothing.
 */
public record PhotoMetadata(Instant takenAt, Double latitude, Double longitude) {

    static final PhotoMetadata NONE = new PhotoMetadata(null, null, null);

    private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");
    /** OffsetTimeOriginal (EXIF 2.31): the zone of DateTimeOriginal, e.g. "+08:00". */
    private static final int TAG_OFFSET_TIME_ORIGINAL = 0x9011;

    public boolean hasPosition() {
        return latitude != null;
    }

    /**
     * Reads the metadata of a JPEG or WebP file. EXIF times carry no zone unless OffsetTimeOriginal is set: without
     * it they are read in {@code zone} (the report time zone, where the inspections take place). Blocking.
     */
    public static PhotoMetadata read(Path file, ZoneId zone) {
        Metadata metadata;
        try (InputStream in = Files.newInputStream(file)) {
            metadata = ImageMetadataReader.readMetadata(in);
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            return NONE;
        }
        return of(metadata, zone);
    }

    public static PhotoMetadata of(Metadata metadata, ZoneId zone) {
        Instant takenAt = null;
        ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        if (exif != null) {
            takenAt = time(exif, ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL, exif.getString(TAG_OFFSET_TIME_ORIGINAL),
                    zone);
        }
        if (takenAt == null) {
            ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (ifd0 != null) {
                takenAt = time(ifd0, ExifIFD0Directory.TAG_DATETIME, null, zone);
            }
        }
        Double latitude = null;
        Double longitude = null;
        for (GpsDirectory gps : metadata.getDirectoriesOfType(GpsDirectory.class)) {
            GeoLocation location = gps.getGeoLocation();
            if (location != null && !location.isZero() && Math.abs(location.getLatitude()) <= 90
                    && Math.abs(location.getLongitude()) <= 180) {
                latitude = location.getLatitude();
                longitude = location.getLongitude();
                break;
            }
        }
        return new PhotoMetadata(takenAt, latitude, longitude);
    }

    /** True when the metadata holds any GPS directory (whether or not it makes a position). */
    public static boolean hasGpsTags(Metadata metadata) {
        return metadata.containsDirectoryOfType(GpsDirectory.class);
    }

    private static Instant time(Directory directory, int tag, String offset, ZoneId zone) {
        String text = directory.getString(tag);
        if (text == null) {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.parse(text.trim(), EXIF_TIME);
            ZoneId in = offset == null || offset.isBlank() ? zone : ZoneOffset.of(offset.trim());
            return local.atZone(in).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }
}
