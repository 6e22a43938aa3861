package ducha.notice;

import java.time.Instant;
import java.util.UUID;

/** Filters of the notice list: a unit with its sub-units, a kind, and a half-open period [from, to) of issuedAt. */
public record NoticeFilter(UUID unitId, NoticeKind kind, Instant from, Instant to) {
}
