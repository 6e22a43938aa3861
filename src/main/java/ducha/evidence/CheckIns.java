package ducha.evidence;

import ducha.common.AuditedEntity;
import ducha.common.FieldError;
import ducha.common.InvalidInputException;
import ducha.common.Times;
import ducha.inspection.Inspection;
import ducha.site.Site;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Check-ins of inspections: validates the device's position and classifies the visit against the site. The class
 * and the distance are computed once, when the check-in is recorded or changed, and stored: they say what the
 * site's coordinates of that moment proved (docs/evidence.md).
 */
@ApplicationScoped
public class CheckIns {

    private final EvidenceSettings settings;

    public CheckIns(EvidenceSettings settings) {
        this.settings = settings;
    }

    /** The rules bean constraints cannot state: the accuracy's upper bound and the device time's skew. */
    public void validate(CheckInInput checkIn) {
        if (checkIn == null) {
            return;
        }
        List<FieldError> errors = new ArrayList<>();
        if (checkIn.accuracy() != null && checkIn.accuracy() > settings.maxAccuracy()) {
            errors.add(new FieldError("checkIn.accuracy", "must be at most " + (long) settings.maxAccuracy()
                    + " metres; a coarser fix proves nothing about the site"));
        }
        if (checkIn.recordedAt() != null
                && Times.instant(checkIn.recordedAt()).isAfter(AuditedEntity.now().plus(settings.clockSkew()))) {
            errors.add(new FieldError("checkIn.recordedAt", "cannot be in the future"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /**
     * Sets the check-in of {@code inspection} from {@code checkIn} (null: none), classified against {@code site}.
     * An unchanged check-in keeps its stored class, even if the site has moved since.
     */
    public void apply(Inspection inspection, CheckInInput checkIn, Site site) {
        if (checkIn == null) {
            inspection.checkInLatitude = null;
            inspection.checkInLongitude = null;
            inspection.checkInAccuracy = null;
            inspection.checkInAt = null;
            inspection.checkInDistance = null;
            inspection.presence = Presence.UNKNOWN;
            return;
        }
        Instant recordedAt = Times.instant(checkIn.recordedAt());
        if (checkIn.latitude().equals(inspection.checkInLatitude) && checkIn.longitude().equals(inspection.checkInLongitude)
                && checkIn.accuracy().equals(inspection.checkInAccuracy) && recordedAt.equals(inspection.checkInAt)) {
            return;
        }
        inspection.checkInLatitude = checkIn.latitude();
        inspection.checkInLongitude = checkIn.longitude();
        inspection.checkInAccuracy = checkIn.accuracy();
        inspection.checkInAt = recordedAt;
        Double distance = distanceToSite(site, checkIn.latitude(), checkIn.longitude());
        inspection.checkInDistance = distance == null ? null : (int) Math.round(distance);
        inspection.presence = Geo.classify(distance, checkIn.accuracy(), settings.radius());
    }

    /** Metres from a position to the site, or null when the site has no coordinates. */
    public static Double distanceToSite(Site site, double latitude, double longitude) {
        if (site == null || site.latitude == null || site.longitude == null) {
            return null;
        }
        return Geo.distance(latitude, longitude, site.latitude, site.longitude);
    }
}
