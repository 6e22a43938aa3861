package ducha.evidence;

import ducha.common.ConflictException;
import io.smallrye.graphql.api.ErrorCode;
import java.util.Map;

/**
 * A move the rules of evidence refuse: what is missing is named. Not stored for Idempotency-Key replay, since the
 * same request succeeds once the photo is uploaded (docs/evidence.md, offline order).
 */
@ErrorCode("EVIDENCE_REQUIRED")
public class EvidenceRequiredException extends ConflictException {

    public EvidenceRequiredException(String message, Map<String, Object> extensions) {
        super(message, extensions);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
