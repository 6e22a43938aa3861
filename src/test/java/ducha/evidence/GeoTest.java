package ducha.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The haversine distance and the visit classes, on places of the Kaifeng report. Weishi county seat (尉氏县城) is at
 * about 34.41 N, 114.19 E. The Liuheji checkpoint of Gangli township (岗李乡刘合集卡点) has no published coordinates;
 * the test places it at 34.3601 N, 114.2571 E, about 8 km south-east of the county seat, where the township lies. Only
 * offsets from it matter to the classes, and those are checked against lengths known without the formula: along a
 * meridian the great-circle distance is R·Δφ exactly, along the equator R·Δλ.
 */
class GeoTest {

    static final double SEAT_LAT = 34.41;
    static final double SEAT_LON = 114.19;
    static final double CHECKPOINT_LAT = 34.3601;
    static final double CHECKPOINT_LON = 114.2571;
    static final double RADIUS = 200;

    /** Degrees of latitude for {@code metres} along a meridian. */
    static double north(double metres) {
        return Math.toDegrees(metres / Geo.EARTH_RADIUS_M);
    }

    @Test
    void alongAMeridianTheDistanceIsTheArc() {
        assertThat(Geo.distance(CHECKPOINT_LAT, CHECKPOINT_LON, CHECKPOINT_LAT + north(150), CHECKPOINT_LON))
                .isCloseTo(150.0, within(1e-6));
        // One arc-minute of latitude on this sphere: 1852.4 m (the nautical mile's origin).
        assertThat(Geo.distance(34, 114, 34 + 1.0 / 60, 114)).isCloseTo(1853.25, within(0.01));
    }

    @Test
    void countySeatToTheCheckpointAgreesWithTheLawOfCosines() {
        double haversine = Geo.distance(SEAT_LAT, SEAT_LON, CHECKPOINT_LAT, CHECKPOINT_LON);
        double p1 = Math.toRadians(SEAT_LAT);
        double p2 = Math.toRadians(CHECKPOINT_LAT);
        double cosines = Geo.EARTH_RADIUS_M * Math.acos(Math.sin(p1) * Math.sin(p2)
                + Math.cos(p1) * Math.cos(p2) * Math.cos(Math.toRadians(CHECKPOINT_LON - SEAT_LON)));
        assertThat(haversine).isCloseTo(cosines, within(0.01)).isBetween(7_000.0, 9_000.0);
        // Far from the checkpoint whatever the accuracy the phone claims, up to the 2000 m cap.
        assertThat(Geo.classify(haversine, 2000, RADIUS)).isEqualTo(Presence.FAR);
    }

    @Test
    void theAccuracyWidensTheRadius() {
        double at230 = Geo.distance(CHECKPOINT_LAT, CHECKPOINT_LON, CHECKPOINT_LAT + north(230), CHECKPOINT_LON);
        assertThat(Geo.classify(at230, 40, RADIUS)).isEqualTo(Presence.VERIFIED);
        assertThat(Geo.classify(at230, 30, RADIUS)).isEqualTo(Presence.VERIFIED);
        assertThat(Geo.classify(at230, 29.9, RADIUS)).isEqualTo(Presence.FAR);
        assertThat(Geo.classify(150.0, 5, RADIUS)).isEqualTo(Presence.VERIFIED);
        assertThat(Geo.classify(200.0, 0.001, RADIUS)).isEqualTo(Presence.VERIFIED);
        assertThat(Geo.classify(null, 5, RADIUS)).isEqualTo(Presence.UNKNOWN);
    }

    @Test
    void acrossTheAntimeridianPointsAreNear() {
        double metres = Geo.distance(0, 179.999, 0, -179.999);
        assertThat(metres).isCloseTo(Geo.EARTH_RADIUS_M * Math.toRadians(0.002), within(1e-6));
        assertThat(metres).isCloseTo(222.4, within(0.1));
        assertThat(Geo.distance(-16.5, -179.9995, -16.5, 179.9995)).isLessThan(110);
        assertThat(Geo.classify(metres, 30, RADIUS)).isEqualTo(Presence.VERIFIED);
    }

    @Test
    void atThePolesLongitudeDoesNotMatter() {
        assertThat(Geo.distance(90, 0, 90, 123.4)).isCloseTo(0, within(1e-6));
        assertThat(Geo.distance(-90, -180, -90, 180)).isCloseTo(0, within(1e-6));
        // Over the pole: 0.001° short of it on opposite meridians is 0.002° of arc apart.
        assertThat(Geo.distance(89.999, 0, 89.999, 180)).isCloseTo(Geo.EARTH_RADIUS_M * Math.toRadians(0.002),
                within(1e-3));
    }

    @Test
    void antipodesGiveHalfTheCircumferenceNotNaN() {
        assertThat(Geo.distance(0, 0, 0, 180)).isCloseTo(Math.PI * Geo.EARTH_RADIUS_M, within(1e-3));
        assertThat(Geo.distance(SEAT_LAT, SEAT_LON, -SEAT_LAT, SEAT_LON - 180)).isCloseTo(
                Math.PI * Geo.EARTH_RADIUS_M, within(1e-3));
    }
}
