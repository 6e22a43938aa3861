package ducha.evidence;

import ducha.finding.Finding;
import ducha.finding.FindingAction;
import ducha.finding.Severity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules to close (docs/evidence.md), in one place for both front doors: FindingCommands asks before every move.
 * A finding of a severity listed in ducha.evidence.after-photo-required needs at least one AFTER photo (an image,
 * not a PDF) to be RECTIFIED, and an admin's VERIFY needs one as well; a fix on the spot of such a severity gets
 * ducha.evidence.on-site-grace to add it, or the sweep (EvidenceSweep) reopens it.
 */
@ApplicationScoped
public class EvidenceRules {

    /** An AFTER attachment that is a photo: what the rules count. */
    public static final String AFTER_PHOTO = "role = 'AFTER' and media_type like 'image/%'";

    private final Set<Severity> required;
    private final EvidenceSettings settings;

    public EvidenceRules(EvidenceSettings settings) {
        this.settings = settings;
        Set<Severity> severities = EnumSet.noneOf(Severity.class);
        for (String name : settings.afterPhotoRequired()) {
            if (!name.isBlank() && !name.trim().equals("NONE")) {
                severities.add(Severity.valueOf(name.trim()));
            }
        }
        this.required = severities;
    }

    public boolean requiresAfterPhoto(Severity severity) {
        return required.contains(severity);
    }

    /** When a new finding's AFTER photo is due (fixed on the spot, of a listed severity), else null. */
    public Instant afterPhotoDue(Finding finding, Instant now) {
        return finding.rectifiedOnSite && requiresAfterPhoto(finding.severity) ? now.plus(settings.onSiteGrace()) : null;
    }

    /** Fails with EVIDENCE_REQUIRED when {@code action} on {@code finding} needs an AFTER photo it does not have. */
    public Uni<Void> check(Finding finding, FindingAction action) {
        if ((action != FindingAction.RECTIFY && action != FindingAction.VERIFY)
                || !requiresAfterPhoto(finding.severity)) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select count(*) from attachment where finding_id = :id and " + AFTER_PHOTO, Long.class)
                .setParameter("id", finding.id)
                .getSingleResult())
                .invoke(count -> {
                    if (count == 0) {
                        Map<String, Object> missing = new LinkedHashMap<>();
                        missing.put("role", "AFTER");
                        missing.put("mediaType", "image/*");
                        missing.put("count", 1);
                        Map<String, Object> extensions = new LinkedHashMap<>();
                        extensions.put("action", action);
                        extensions.put("severity", finding.severity);
                        extensions.put("missing", List.of(missing));
                        throw new EvidenceRequiredException("A " + finding.severity + " finding needs at least one "
                                + "AFTER photo (an image of the fix, uploaded with role=AFTER) before " + action
                                + "; it has none. Upload it, then repeat the request.", extensions);
                    }
                })
                .replaceWithVoid();
    }
}
