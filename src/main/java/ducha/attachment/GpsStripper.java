package ducha.attachment;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes a copy of a JPEG or WebP without its GPS position, the rest of its metadata and the image untouched.
 * In the EXIF block the GPS IFD pointer (tag 0x8825) is taken out of IFD0 and the GPS IFD and its values are
 * overwritten with zeros, so the coordinates are gone from the bytes, not only unreachable; an EXIF block that cannot
 * be walked safely is dropped whole (JPEG) or zeroed (WebP). XMP, which may repeat the position, is dropped (JPEG)
 * or blanked (WebP). Streams the file: only metadata segments are held in memory. Blocking.
 */
final class GpsStripper {

    private static final byte[] EXIF_HEADER = {'E', 'x', 'i', 'f', 0, 0};
    private static final byte[] XMP_HEADER = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII);
    private static final int TAG_GPS_IFD = 0x8825;

    private GpsStripper() {
    }

    /** Writes {@code in} without GPS to {@code out}; the media type is the detected one. */
    static void strip(Path in, Path out, String mediaType) throws IOException {
        try (InputStream source = new BufferedInputStream(Files.newInputStream(in));
                OutputStream target = new BufferedOutputStream(Files.newOutputStream(out))) {
            if ("image/jpeg".equals(mediaType)) {
                jpeg(new DataInputStream(source), target);
            } else if ("image/webp".equals(mediaType)) {
                webp(new DataInputStream(source), target);
            } else {
                throw new IllegalArgumentException("No GPS to strip from " + mediaType);
            }
        }
    }

    private static void jpeg(DataInputStream in, OutputStream out) throws IOException {
        if (in.readUnsignedByte() != 0xFF || in.readUnsignedByte() != 0xD8) {
            throw new IOException("not a JPEG");
        }
        out.write(0xFF);
        out.write(0xD8);
        while (true) {
            int marker = nextMarker(in);
            if (marker == 0xDA || marker == 0xD9) {
                // Start of scan (or end): the image data follows, copied as it is.
                out.write(0xFF);
                out.write(marker);
                in.transferTo(out);
                return;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                out.write(0xFF);
                out.write(marker);
                continue;
            }
            int length = in.readUnsignedShort();
            if (length < 2) {
                throw new IOException("bad segment length");
            }
            byte[] data = new byte[length - 2];
            in.readFully(data);
            if (marker == 0xE1 && startsWith(data, EXIF_HEADER)) {
                if (!removeGps(data, EXIF_HEADER.length)) {
                    continue;
                }
            } else if (marker == 0xE1 && startsWith(data, XMP_HEADER)) {
                continue;
            }
            out.write(0xFF);
            out.write(marker);
            out.write(length >> 8);
            out.write(length & 0xFF);
            out.write(data);
        }
    }

    private static int nextMarker(DataInputStream in) throws IOException {
        int b = in.readUnsignedByte();
        if (b != 0xFF) {
            throw new IOException("marker expected");
        }
        int marker;
        do {
            marker = in.readUnsignedByte();
        } while (marker == 0xFF);
        return marker;
    }

    /** RIFF chunks: EXIF edited in place, XMP blanked, both the same length, so no size changes anywhere. */
    private static void webp(DataInputStream in, OutputStream out) throws IOException {
        byte[] header = new byte[12];
        in.readFully(header);
        out.write(header);
        byte[] chunkHeader = new byte[8];
        while (true) {
            int read = in.readNBytes(chunkHeader, 0, 8);
            if (read == 0) {
                return;
            }
            if (read < 8) {
                throw new EOFException("truncated chunk");
            }
            out.write(chunkHeader);
            String fourCc = new String(chunkHeader, 0, 4, StandardCharsets.US_ASCII);
            long size = (chunkHeader[4] & 0xFFL) | (chunkHeader[5] & 0xFFL) << 8 | (chunkHeader[6] & 0xFFL) << 16
                    | (chunkHeader[7] & 0xFFL) << 24;
            long padded = size + (size & 1);
            if (fourCc.equals("EXIF") || fourCc.equals("XMP ")) {
                byte[] data = new byte[(int) padded];
                in.readFully(data);
                if (fourCc.equals("XMP ")) {
                    Arrays.fill(data, 0, (int) size, (byte) ' ');
                } else {
                    int tiff = startsWith(data, EXIF_HEADER) ? EXIF_HEADER.length : 0;
                    if (!removeGps(data, tiff)) {
                        Arrays.fill(data, (byte) 0);
                    }
                }
                out.write(data);
            } else {
                long copied = new LimitedCopy(in, padded).to(out);
                if (copied != padded) {
                    throw new EOFException("truncated chunk");
                }
            }
        }
    }

    /**
     * Takes the GPS IFD out of the TIFF structure starting at {@code tiff} in {@code b}, in place. False when the
     * structure cannot be walked within its bounds (the caller then drops or zeroes the whole block).
     */
    static boolean removeGps(byte[] b, int tiff) {
        try {
            boolean little;
            if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
                little = true;
            } else if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
                little = false;
            } else {
                return false;
            }
            Tiff t = new Tiff(b, tiff, little);
            int ifd0 = tiff + t.u32(tiff + 4);
            int count = t.u16(ifd0);
            int end = ifd0 + 2 + 12 * count + 4;
            t.check(end);
            for (int k = 0; k < count; k++) {
                int entry = ifd0 + 2 + 12 * k;
                if (t.u16(entry) != TAG_GPS_IFD) {
                    continue;
                }
                int gps = tiff + t.u32(entry + 8);
                zeroIfd(t, gps);
                // Later entries and the next-IFD pointer move up one place; the freed last slot is zeroed.
                System.arraycopy(b, entry + 12, b, entry, end - entry - 12);
                Arrays.fill(b, end - 12, end, (byte) 0);
                t.put16(ifd0, count - 1);
                return true;
            }
            return true;
        } catch (IndexOutOfBoundsException | IllegalStateException e) {
            return false;
        }
    }

    private static void zeroIfd(Tiff t, int ifd) {
        int count = t.u16(ifd);
        int end = ifd + 2 + 12 * count + 4;
        t.check(end);
        for (int k = 0; k < count; k++) {
            int entry = ifd + 2 + 12 * k;
            long size = (long) typeSize(t.u16(entry + 2)) * t.u32(entry + 4);
            if (size > 4) {
                int at = t.tiff + t.u32(entry + 8);
                t.check(at + size);
                Arrays.fill(t.b, at, (int) (at + size), (byte) 0);
            }
        }
        Arrays.fill(t.b, ifd, end, (byte) 0);
    }

    private static int typeSize(int type) {
        return switch (type) {
            case 1, 2, 6, 7 -> 1;
            case 3, 8 -> 2;
            case 4, 9, 11 -> 4;
            case 5, 10, 12 -> 8;
            default -> throw new IllegalStateException("unknown TIFF type " + type);
        };
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** Reads and writes TIFF integers of either byte order, within the block. */
    private record Tiff(byte[] b, int tiff, boolean little) {

        int u16(int at) {
            check(at + 2);
            int x = b[at] & 0xFF;
            int y = b[at + 1] & 0xFF;
            return little ? x | y << 8 : x << 8 | y;
        }

        int u32(int at) {
            check(at + 4);
            long v = little
                    ? (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24
                    : (b[at] & 0xFFL) << 24 | (b[at + 1] & 0xFFL) << 16 | (b[at + 2] & 0xFFL) << 8 | (b[at + 3] & 0xFFL);
            if (v > Integer.MAX_VALUE) {
                throw new IllegalStateException("offset out of range");
            }
            return (int) v;
        }

        void put16(int at, int value) {
            check(at + 2);
            if (little) {
                b[at] = (byte) value;
                b[at + 1] = (byte) (value >> 8);
            } else {
                b[at] = (byte) (value >> 8);
                b[at + 1] = (byte) value;
            }
        }

        void check(long end) {
            if (end > b.length || end < 0) {
                throw new IllegalStateException("beyond the block");
            }
        }
    }

    /** Copies at most {@code limit} bytes. */
    private record LimitedCopy(InputStream in, long limit) {
        long to(OutputStream out) throws IOException {
            byte[] buffer = new byte[64 * 1024];
            long left = limit;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                left -= n;
            }
            return limit - left;
        }
    }
}
