package ducha.evidence;

import static ducha.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import ducha.support.Api;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Photo metadata: EXIF time and GPS read from JPEGs made with known tags (ExifJpeg), the flags against the site and
 * the inspection's day, and the unit policy that stores photos without GPS (checked with metadata-extractor itself).
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class PhotoEvidenceTest {

    /** The unit code of %test.ducha.evidence.strip-gps-units; created once per database. */
    static final String STRIP_UNIT = "EVIDENCE-STRIP";

    static JsonPath upload(String token, String finding, String role, byte[] photo) {
        var request = given().auth().oauth2(token).contentType("image/jpeg").body(photo);
        if (role != null) {
            request.queryParam("role", role);
        }
        return request.post("/api/v1/findings/" + finding + "/attachments").then().statusCode(201).extract()
                .jsonPath();
    }

    static String findingAtTheCheckpoint(String token, String unitId, String site, String inspection, String foundAt) {
        Map<String, Object> body = Api.finding(unitId, site);
        body.put("inspectionId", inspection);
        body.put("foundAt", foundAt);
        return Api.reportFinding(token, body).getString("id");
    }

    @Test
    void readsTheTimeAndPositionAPhotoCarriesAndFlagsWhatDoesNotFit() throws Exception {
        Api.World world = Api.world();
        String inspector = Tokens.inspector(world.unitCode());
        String site = CheckInApiTest.site(GeoTest.CHECKPOINT_LAT, GeoTest.CHECKPOINT_LON);
        String visit = CheckInApiTest.record(inspector, CheckInApiTest.visit(world.groupId(), site, null)).getString("id");
        String finding = findingAtTheCheckpoint(inspector, world.groupId(), site, visit, "2021-08-07T09:40:00+08:00");

        // At the checkpoint, 50 m off, on the day of the visit; no offset tag: read in Asia/Shanghai.
        byte[] onSite = ExifJpeg.photo("2021:08:07 09:35:00", null, GeoTest.CHECKPOINT_LAT + GeoTest.north(50),
                GeoTest.CHECKPOINT_LON);
        JsonPath good = upload(inspector, finding, null, onSite);
        assertThat(good.getString("role")).isEqualTo("EVIDENCE");
        assertThat(good.getString("takenAt")).isEqualTo("2021-08-07T01:35:00Z");
        assertThat(good.getDouble("latitude")).isCloseTo(GeoTest.CHECKPOINT_LAT + GeoTest.north(50), within(1e-6));
        assertThat(good.getDouble("longitude")).isCloseTo(GeoTest.CHECKPOINT_LON, within(1e-6));
        assertThat(good.getInt("distance")).isBetween(49, 51);
        assertThat(good.getList("flags")).isEmpty();
        assertThat(good.getBoolean("gpsStripped")).isFalse();
        // Without a policy the stored copy is the upload, byte for byte.
        assertThat(given().auth().oauth2(inspector).get("/api/v1/findings/" + finding + "/attachments/"
                + good.getString("id")).asByteArray()).isEqualTo(onSite);

        // Two days later, in the county seat (offset tag +08:00): far from the site, outside the visit's day.
        JsonPath elsewhere = upload(inspector, finding, "EVIDENCE",
                ExifJpeg.photo("2021:08:09 10:00:00", "+08:00", GeoTest.SEAT_LAT, GeoTest.SEAT_LON));
        assertThat(elsewhere.getString("takenAt")).isEqualTo("2021-08-09T02:00:00Z");
        assertThat(elsewhere.getList("flags")).containsExactly("FAR_FROM_SITE", "OUTSIDE_INSPECTION_DAY");
        assertThat(elsewhere.getInt("distance")).isBetween(7_000, 9_000);

        // An AFTER photo is expected later than the visit, but not before the finding.
        JsonPath after = upload(inspector, finding, "AFTER",
                ExifJpeg.photo("2021:08:07 09:20:00", null, GeoTest.CHECKPOINT_LAT, GeoTest.CHECKPOINT_LON));
        assertThat(after.getString("role")).isEqualTo("AFTER");
        assertThat(after.getList("flags")).containsExactly("TAKEN_BEFORE_FINDING");
        JsonPath fixedNextDay = upload(inspector, finding, "AFTER",
                ExifJpeg.photo("2021:08:08 16:00:00", null, GeoTest.CHECKPOINT_LAT, GeoTest.CHECKPOINT_LON));
        assertThat(fixedNextDay.getList("flags")).isEmpty();

        // A device clock far ahead: the time is bounded by the upload, and flagged.
        JsonPath future = upload(inspector, finding, "DOCUMENT", ExifJpeg.photo("2099:01:01 00:00:00", "+00:00",
                null, null));
        assertThat(future.getList("flags")).containsExactly("TIME_AFTER_UPLOAD");
        assertThat(java.time.Instant.parse(future.getString("takenAt"))).isBeforeOrEqualTo(java.time.Instant.now());
        assertThat(future.getString("latitude")).isNull();

        // A JPEG without EXIF says nothing, and is flagged for nothing.
        JsonPath plain = upload(inspector, finding, null, ExifJpeg.plainJpeg());
        assertThat(plain.getString("takenAt")).isNull();
        assertThat(plain.getList("flags")).isEmpty();
        as(inspector).queryParam("role", "BEFORE").contentType("image/jpeg").body(ExifJpeg.plainJpeg())
                .post("/api/v1/findings/" + finding + "/attachments").then().statusCode(400);
    }

    @Test
    void aUnitsPolicyStoresPhotosWithoutGpsAndKeepsTheValuesRead() throws Exception {
        String strip = unit(STRIP_UNIT, null);
        String group = unit(Api.code("STRIP-G"), strip);
        String inspector = Tokens.inspector(STRIP_UNIT);
        String site = CheckInApiTest.site(GeoTest.CHECKPOINT_LAT, GeoTest.CHECKPOINT_LON);
        String finding = findingAtTheCheckpoint(inspector, group, site, null, "2021-08-07T09:40:00+08:00");
        byte[] photo = ExifJpeg.photo("2021:08:07 09:45:00", null, GeoTest.CHECKPOINT_LAT, GeoTest.CHECKPOINT_LON);
        assertThat(ImageMetadataReader.readMetadata(new ByteArrayInputStream(photo))
                .containsDirectoryOfType(GpsDirectory.class)).as("the test photo has GPS").isTrue();

        JsonPath stored = upload(inspector, finding, "AFTER", photo);
        assertThat(stored.getBoolean("gpsStripped")).isTrue();
        assertThat(stored.getDouble("latitude")).isCloseTo(GeoTest.CHECKPOINT_LAT, within(1e-6));
        assertThat(stored.getString("takenAt")).isEqualTo("2021-08-07T01:45:00Z");

        byte[] copy = given().auth().oauth2(inspector)
                .get("/api/v1/findings/" + finding + "/attachments/" + stored.getString("id")).asByteArray();
        assertThat(stored.getString("sha256")).isEqualTo(sha256(copy)).isNotEqualTo(sha256(photo));
        assertThat(stored.getLong("sizeBytes")).isEqualTo(copy.length);
        Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(copy));
        assertThat(metadata.containsDirectoryOfType(GpsDirectory.class)).isFalse();
        assertThat(metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class)
                .getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL)).isEqualTo("2021:08:07 09:45:00");
        metadata.getDirectories().forEach(d -> assertThat(d.getErrors()).as(d.getName()).isEmpty());
        var image = ImageIO.read(new ByteArrayInputStream(copy));
        assertThat(image).as("a valid JPEG").isNotNull();
        assertThat(image.getWidth()).isEqualTo(32);
        assertThat(copy).hasSameSizeAs(photo);

        // A photo without GPS under the same policy is stored as it came.
        byte[] noGps = ExifJpeg.photo("2021:08:07 09:46:00", null, null, null);
        JsonPath untouched = upload(inspector, finding, "AFTER", noGps);
        assertThat(untouched.getBoolean("gpsStripped")).isFalse();
        assertThat(untouched.getString("sha256")).isEqualTo(sha256(noGps));
    }

    /** The unit with this code, made if this database has none yet. */
    static String unit(String code, String parentId) {
        var existing = as(Tokens.admin()).queryParam("q", code).get("/api/v1/units").then().statusCode(200).extract()
                .jsonPath();
        for (Map<String, Object> row : existing.<Map<String, Object>>getList("items")) {
            if (code.equals(row.get("code"))) {
                return (String) row.get("id");
            }
        }
        return Api.createUnit(code, parentId).getString("id");
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
