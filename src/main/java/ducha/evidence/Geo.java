package ducha.evidence;

/**
 * Great-circle distance on a sphere of the Earth's mean radius (haversine). The formula takes the longitudes'
 * difference through sin², which is periodic, so a pair either side of the antimeridian (179.99° and -179.99°) is
 * as near as it is, and at a pole every longitude gives the same point. The sphere is off the ellipsoid by at most
 * 0.5 %: a metre or so at the radii of a check-in.
 */
public final class Geo {

    /** IUGG mean radius R1 of the Earth, in metres. */
    public static final double EARTH_RADIUS_M = 6_371_008.8;

    private Geo() {
    }

    /** Metres between two points given in degrees (latitude -90..90, longitude -180..180). */
    public static double distance(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dPhi = Math.toRadians(lat2 - lat1);
        double dLambda = Math.toRadians(lon2 - lon1);
        double sinPhi = Math.sin(dPhi / 2);
        double sinLambda = Math.sin(dLambda / 2);
        double a = sinPhi * sinPhi + Math.cos(phi1) * Math.cos(phi2) * sinLambda * sinLambda;
        // Rounding can take a a hair past 1 for antipodal points; asin would answer NaN.
        a = Math.min(1.0, Math.max(0.0, a));
        return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(a));
    }

    /**
     * The class of a visit: VERIFIED when the position is within {@code radius} plus its own accuracy of the site,
     * FAR beyond that, UNKNOWN when the site has no coordinates (or there is no position).
     */
    public static Presence classify(Double distance, double accuracy, double radius) {
        if (distance == null) {
            return Presence.UNKNOWN;
        }
        return distance <= radius + accuracy ? Presence.VERIFIED : Presence.FAR;
    }
}
