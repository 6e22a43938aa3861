package ducha.evidence;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Real JPEG photos with EXIF tags we choose, made in the test (no fixture files): ImageIO encodes a small picture,
 * and an APP1 Exif segment built here (a big-endian TIFF with IFD0, the Exif IFD and the GPS IFD) goes right after
 * SOI. Same input, same bytes.
 */
final class ExifJpeg {

    private ExifJpeg() {
    }

    /** A photo taken at {@code localTime} ("yyyy:MM:dd HH:mm:ss", with {@code offset} or none) at a position or none. */
    static byte[] photo(String localTime, String offset, Double latitude, Double longitude) {
        byte[] image = plainJpeg();
        byte[] exif = tiff(localTime, offset, latitude, longitude);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        int length = 2 + 6 + exif.length;
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0});
        out.writeBytes(exif);
        out.write(image, 2, image.length - 2);
        return out.toByteArray();
    }

    static byte[] plainJpeg() {
        BufferedImage picture = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        g.setColor(new Color(0x2E7D32));
        g.fillRect(0, 0, 32, 24);
        g.setColor(Color.WHITE);
        g.fillRect(8, 6, 16, 12);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(picture, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private record Entry(int tag, int type, int count, byte[] value, Ifd sub) {
    }

    private static final class Ifd {
        final List<Entry> entries = new ArrayList<>();
        int offset;

        Ifd add(int tag, int type, int count, byte[] value) {
            entries.add(new Entry(tag, type, count, value, null));
            return this;
        }

        Ifd sub(int tag, Ifd ifd) {
            entries.add(new Entry(tag, 4, 1, null, ifd));
            return this;
        }

        int size() {
            int size = 2 + 12 * entries.size() + 4;
            for (Entry e : entries) {
                if (e.value != null && e.value.length > 4) {
                    size += e.value.length + (e.value.length & 1);
                }
            }
            return size;
        }
    }

    private static byte[] tiff(String localTime, String offset, Double latitude, Double longitude) {
        Ifd exif = new Ifd().add(0x9003, 2, 20, ascii(localTime));
        if (offset != null) {
            exif.add(0x9011, 2, offset.length() + 1, ascii(offset));
        }
        Ifd ifd0 = new Ifd().add(0x010F, 2, 6, ascii("Ducha")).sub(0x8769, exif);
        Ifd gps = null;
        if (latitude != null) {
            gps = new Ifd().add(0x0000, 1, 4, new byte[] {2, 3, 0, 0})
                    .add(0x0001, 2, 2, ascii(latitude >= 0 ? "N" : "S"))
                    .add(0x0002, 5, 3, dms(Math.abs(latitude)))
                    .add(0x0003, 2, 2, ascii(longitude >= 0 ? "E" : "W"))
                    .add(0x0004, 5, 3, dms(Math.abs(longitude)));
            ifd0.sub(0x8825, gps);
        }
        List<Ifd> order = new ArrayList<>(List.of(ifd0, exif));
        if (gps != null) {
            order.add(gps);
        }
        int at = 8;
        for (Ifd ifd : order) {
            ifd.offset = at;
            at += ifd.size();
        }
        ByteBuffer b = ByteBuffer.allocate(at);
        b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        for (Ifd ifd : order) {
            b.position(ifd.offset);
            b.putShort((short) ifd.entries.size());
            int values = ifd.offset + 2 + 12 * ifd.entries.size() + 4;
            for (Entry e : ifd.entries) {
                b.putShort((short) e.tag).putShort((short) e.type).putInt(e.count);
                if (e.sub != null) {
                    b.putInt(e.sub.offset);
                } else if (e.value.length <= 4) {
                    byte[] inline = new byte[4];
                    System.arraycopy(e.value, 0, inline, 0, e.value.length);
                    b.put(inline);
                } else {
                    b.putInt(values);
                    int here = b.position();
                    b.position(values);
                    b.put(e.value);
                    values += e.value.length + (e.value.length & 1);
                    b.position(here);
                }
            }
            b.putInt(0);
        }
        return b.array();
    }

    private static byte[] ascii(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        byte[] withNul = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, withNul, 0, bytes.length);
        return withNul;
    }

    /** Degrees as three rationals: degrees/1, minutes/1, seconds/10000. */
    private static byte[] dms(double degrees) {
        int d = (int) Math.floor(degrees);
        double minutes = (degrees - d) * 60;
        int m = (int) Math.floor(minutes);
        long s = Math.round((minutes - m) * 60 * 10000);
        return ByteBuffer.allocate(24).putInt(d).putInt(1).putInt(m).putInt(1).putInt((int) s).putInt(10000).array();
    }
}
