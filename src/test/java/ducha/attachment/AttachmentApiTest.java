package ducha.attachment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import ducha.support.Api;
import ducha.support.Db;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Evidence attachments: type by content, size limits, download with ranges, rights, idempotency, change events. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class AttachmentApiTest {

    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    /** {@code size} bytes that start with {@code signature} and go on at random. */
    static byte[] file(byte[] signature, int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        System.arraycopy(signature, 0, bytes, 0, Math.min(signature.length, size));
        return bytes;
    }

    static byte[] jpeg(int size) {
        return file(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, size);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    static Response upload(String token, String findingId, String contentType, byte[] body) {
        return as(token).contentType(contentType).body(body).post("/api/v1/findings/" + findingId + "/attachments");
    }

    private static String attachments(String findingId) {
        return "/api/v1/findings/" + findingId + "/attachments";
    }

    @Test
    void storesAPhotoAndServesItWithRanges() throws Exception {
        Api.World world = Api.world();
        String inspector = Tokens.inspector(world.unitCode());
        String finding = Api.reportFinding(inspector, Api.finding(world.groupId(), world.siteId())).getString("id");
        byte[] photo = jpeg(700_000);
        long events = Db.changeEvents();

        Response created = as(inspector).contentType("image/jpeg").queryParam("fileName", "现场 照片.jpg").body(photo)
                .post(attachments(finding));
        created.then().statusCode(201).contentType("application/json")
                .body("mediaType", equalTo("image/jpeg")).body("sizeBytes", equalTo(photo.length))
                .body("sha256", equalTo(sha256(photo))).body("fileName", equalTo("现场 照片.jpg"))
                .body("findingId", equalTo(finding));
        String id = created.jsonPath().getString("id");
        assertThat(created.header("Location")).endsWith(attachments(finding) + "/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"" + sha256(photo) + "\"");
        assertThat(Db.changeEvents()).isEqualTo(events + 1);
        assertThat(Db.text("select op from change_event where entity = 'attachment' and entity_id = ?",
                UUID.fromString(id))).isEqualTo("CREATE");
        assertThat(Db.count("select count(*) from attachment_chunk where attachment_id = ?", UUID.fromString(id)))
                .isEqualTo(3);

        as(inspector).accept("application/json").get(attachments(finding)).then().statusCode(200)
                .body("items.id", equalTo(java.util.List.of(id)));

        Response whole = as(inspector).get(attachments(finding) + "/" + id);
        whole.then().statusCode(200).contentType("image/jpeg").header("Content-Length", String.valueOf(photo.length))
                .header("Accept-Ranges", "bytes").header("ETag", "\"" + sha256(photo) + "\"");
        assertThat(whole.header("Content-Disposition")).contains("filename*=UTF-8''%E7%8E%B0");
        assertThat(whole.asByteArray()).isEqualTo(photo);

        // A range across the boundary of two stored chunks, an open-ended one and a suffix.
        int chunk = AttachmentService.CHUNK_BYTES;
        expectRange(inspector, finding, id, "bytes=" + (chunk - 10) + "-" + (chunk + 9), photo, chunk - 10, chunk + 9);
        expectRange(inspector, finding, id, "bytes=" + (photo.length - 100) + "-", photo, photo.length - 100,
                photo.length - 1);
        expectRange(inspector, finding, id, "bytes=-7", photo, photo.length - 7, photo.length - 1);
        expectRange(inspector, finding, id, "bytes=5-999999999", photo, 5, photo.length - 1);
        as(inspector).header("Range", "bytes=" + photo.length + "-").get(attachments(finding) + "/" + id).then()
                .statusCode(416).contentType("application/problem+json")
                .header("Content-Range", "bytes */" + photo.length);
        // A Range conditional on another version is ignored: the whole current content comes back.
        as(inspector).header("Range", "bytes=0-9").header("If-Range", "\"other\"").get(attachments(finding) + "/" + id)
                .then().statusCode(200).header("Content-Length", String.valueOf(photo.length));
        as(inspector).header("If-None-Match", "\"" + sha256(photo) + "\"").get(attachments(finding) + "/" + id)
                .then().statusCode(304);
    }

    private static void expectRange(String token, String finding, String id, String range, byte[] content, int first,
            int last) {
        Response part = as(token).header("Range", range).get(attachments(finding) + "/" + id);
        part.then().statusCode(206).header("Content-Range", "bytes " + first + "-" + last + "/" + content.length)
                .header("Content-Length", String.valueOf(last - first + 1));
        assertThat(part.asByteArray()).as(range).isEqualTo(Arrays.copyOfRange(content, first, last + 1));
    }

    @Test
    void recognisesTheAcceptedTypesByTheirBytes() {
        Api.World world = Api.world();
        String admin = Tokens.admin();
        String finding = Api.reportFinding(admin, Api.finding(world.groupId(), world.siteId())).getString("id");
        byte[] webp = file("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1), 2000);
        byte[] pdf = file("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 3000);
        // The declared type does not matter; the content does.
        upload(admin, finding, "application/octet-stream", file(PNG_SIGNATURE, 1000)).then().statusCode(201)
                .body("mediaType", equalTo("image/png"));
        upload(admin, finding, "image/jpeg", webp).then().statusCode(201).body("mediaType", equalTo("image/webp"));
        upload(admin, finding, "application/pdf", pdf).then().statusCode(201).body("mediaType", equalTo("application/pdf"));
    }

    @Test
    void refusesARenamedExecutableAndOtherContentWithoutWritingAnything() {
        Api.World world = Api.world();
        String admin = Tokens.admin();
        String finding = Api.reportFinding(admin, Api.finding(world.groupId(), world.siteId())).getString("id");
        long events = Db.changeEvents();
        long stored = Db.count("select count(*) from attachment");
        byte[] executable = file("MZ\u0090\0\3\0\0\0".getBytes(StandardCharsets.ISO_8859_1), 5000);

        as(admin).contentType("image/jpeg").queryParam("fileName", "photo.jpg").body(executable)
                .post(attachments(finding)).then().statusCode(415).contentType("application/problem+json")
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        upload(admin, finding, "application/x-msdownload", executable).then().statusCode(415)
                .contentType("application/problem+json");
        upload(admin, finding, "application/octet-stream", "just text, no photo".getBytes(StandardCharsets.UTF_8))
                .then().statusCode(415).body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        // A signature alone, cut short, is not enough to be mistaken for something else either.
        upload(admin, finding, "image/png", new byte[] {(byte) 0x89, 'P'}).then().statusCode(415);
        upload(admin, finding, "image/png", new byte[0]).then().statusCode(400)
                .contentType("application/problem+json");
        assertThat(Db.changeEvents()).isEqualTo(events);
        assertThat(Db.count("select count(*) from attachment")).isEqualTo(stored);
    }

    @Test
    void takesTenMibButNotOneByteMore() {
        Api.World world = Api.world();
        String admin = Tokens.admin();
        String finding = Api.reportFinding(admin, Api.finding(world.groupId(), world.siteId())).getString("id");
        int limit = 10 * 1024 * 1024;
        byte[] largest = file(PNG_SIGNATURE, limit);
        String id = upload(admin, finding, "image/png", largest).then().statusCode(201)
                .body("sizeBytes", equalTo(limit)).extract().path("id");
        assertThat(as(admin).get(attachments(finding) + "/" + id).asByteArray()).isEqualTo(largest);

        long events = Db.changeEvents();
        byte[] tooLarge = file(PNG_SIGNATURE, limit + 1);
        upload(admin, finding, "image/png", tooLarge).then().statusCode(413).contentType("application/problem+json")
                .body("code", equalTo("PAYLOAD_TOO_LARGE"));
        // Chunked, so no Content-Length announces it: the cap applies while the body streams in.
        as(admin).contentType("image/png").body(new ByteArrayInputStream(tooLarge)).post(attachments(finding)).then()
                .statusCode(413);
        assertThat(Db.changeEvents()).isEqualTo(events);
        // JSON bodies keep their 1 MiB limit, chunked or not.
        String json = "{\"description\": \"" + "x".repeat(1_100_000) + "\"}";
        as(admin).contentType("application/json").body(json).post("/api/v1/findings").then().statusCode(413);
        as(admin).contentType("application/json").body(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))
                .post("/api/v1/findings").then().statusCode(413);
    }

    @Test
    void needsTheRightsOfChangingTheFinding() {
        Api.World world = Api.world();
        Api.World other = Api.world();
        String own = Tokens.inspector(world.unitCode());
        String stranger = Tokens.inspector(other.unitCode());
        String finding = Api.reportFinding(own, Api.finding(world.groupId(), world.siteId())).getString("id");
        byte[] photo = jpeg(4000);
        long events = Db.changeEvents();
        upload(stranger, finding, "image/jpeg", photo).then().statusCode(403).contentType("application/problem+json");
        assertThat(Db.changeEvents()).isEqualTo(events);

        String id = upload(own, finding, "image/jpeg", photo).then().statusCode(201).extract().path("id");
        String path = attachments(finding) + "/" + id;
        as(stranger).get(path).then().statusCode(200);
        as(stranger).header("If-Match", "*").delete(path).then().statusCode(403);
        as(own).delete(path).then().statusCode(428);
        as(own).header("If-Match", "\"not-this-content\"").delete(path).then().statusCode(412);
        // A finding with evidence cannot be deleted until its attachments are.
        as(Tokens.admin()).header("If-Match", "\"0\"").delete("/api/v1/findings/" + finding).then().statusCode(409);
        as(own).get(attachments(UUID.randomUUID().toString()) + "/" + id).then().statusCode(404);

        long before = Db.changeEvents();
        as(own).header("If-Match", "\"" + upload(own, finding, "image/jpeg", jpeg(10)).then().statusCode(201)
                .extract().path("sha256") + "\"").delete(attachments(finding) + "/"
                + Db.text("select id::text from attachment where finding_id = ? and size_bytes = 10",
                        UUID.fromString(finding))).then().statusCode(204);
        as(own).header("If-Match", "*").delete(path).then().statusCode(204);
        as(own).get(path).then().statusCode(404);
        assertThat(Db.count("select count(*) from attachment_chunk where attachment_id = ?", UUID.fromString(id)))
                .isZero();
        assertThat(Db.changeEvents()).isEqualTo(before + 3);
        assertThat(Db.text("select op from change_event where entity_id = ? order by seq desc limit 1",
                UUID.fromString(id))).isEqualTo("DELETE");
        as(Tokens.admin()).header("If-Match", "\"0\"").delete("/api/v1/findings/" + finding).then().statusCode(204);
    }

    @Test
    void anUploadWithItsKeyIsStoredOnce() {
        Api.World world = Api.world();
        String inspector = Tokens.token("uploader-" + UUID.randomUUID(), world.unitCode(), "inspector");
        String finding = Api.reportFinding(inspector, Api.finding(world.groupId(), world.siteId())).getString("id");
        String key = UUID.randomUUID().toString();
        byte[] photo = jpeg(300_000);
        Response first = as(inspector).header("Idempotency-Key", key).contentType("image/jpeg").body(photo)
                .post(attachments(finding));
        first.then().statusCode(201);
        Response again = as(inspector).header("Idempotency-Key", key).contentType("image/jpeg").body(photo)
                .post(attachments(finding));
        again.then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first.jsonPath().getString("id")));
        as(inspector).header("Idempotency-Key", key).contentType("image/jpeg").body(jpeg(300_001))
                .post(attachments(finding)).then().statusCode(422);
        assertThat(Db.count("select count(*) from attachment where finding_id = ?", UUID.fromString(finding)))
                .isEqualTo(1);
    }
}
