package ducha.common;

import java.util.Set;

/**
 * The versions a change may apply to: any ({@code If-Match: *}, or a transition without one), or those the client
 * named. A client that named only tags no version has (weak, or not ours) is admitted by none: 412.
 */
public record ExpectedVersions(Set<Long> versions) {

    public static final ExpectedVersions ANY = new ExpectedVersions(null);

    public static ExpectedVersions of(long version) {
        return new ExpectedVersions(Set.of(version));
    }

    public boolean admits(long version) {
        return versions == null || versions.contains(version);
    }
}
