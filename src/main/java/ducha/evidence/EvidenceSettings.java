package ducha.evidence;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** The rules of evidence (docs/evidence.md, docs/configuration.md). */
@ConfigMapping(prefix = "ducha.evidence")
public interface EvidenceSettings {

    /** A check-in within this many metres of the site (plus the position's own accuracy) is VERIFIED. */
    @WithDefault("200")
    double radius();

    /** The largest accuracy (metres) a check-in may claim; a coarser fix proves nothing about a checkpoint. */
    @WithDefault("2000")
    double maxAccuracy();

    /** How far in the future a device's time may be (its clock may run a little fast), as FindingCommands' rule. */
    @WithDefault("PT5M")
    Duration clockSkew();

    /**
     * Severities whose findings need an AFTER photo to RECTIFY (and to VERIFY), and whose on-site fixes need one
     * within {@link #onSiteGrace()}; {@code NONE} for no such rule.
     */
    @WithDefault("HIGH,CRITICAL")
    List<String> afterPhotoRequired();

    /** How long a finding fixed on the spot has to get its AFTER photo (device times) before it is reopened. */
    @WithDefault("PT24H")
    Duration onSiteGrace();

    /** How often the sweep of missing AFTER photos runs (EvidenceSweep). */
    @WithDefault("1m")
    String sweepEvery();

    /** Codes of units whose photos are stored without GPS tags (the finding's unit or a unit above it). */
    @WithDefault("NONE")
    List<String> stripGpsUnits();
}
