package ducha.web;

import ducha.common.ExpectedVersions;
import ducha.common.InvalidInputException;
import ducha.common.PreconditionRequiredException;
import jakarta.ws.rs.core.EntityTag;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A row's ETag is its version; If-Match carries the versions a client read back. If-Match compares strongly
 * (RFC 9110 §13.1.1): a weak tag never matches, and {@code "02"} is not {@code "2"}. Every header that carries
 * entity-tags (If-Match, If-None-Match, If-Range, a replayed ETag) is read and written here.
 */
public final class ETags {

    /** One entity-tag as a header writes it (RFC 9110 §8.8.3): its opaque value, and whether it is weak. */
    record Tag(String value, boolean weak) {
    }

    /** One entity-tag of a list (RFC 9110 §8.8.3), with the comma or end that follows it. */
    private static final Pattern LIST_MEMBER = Pattern.compile("\\G[ \\t]*(W/)?\"([\\x21\\x23-\\x7e\\x80-\\xff]*)\"[ \\t]*(,|$)");

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The versions a required If-Match header admits. */
    public static ExpectedVersions requiredVersions(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException();
        }
        return optionalVersions(ifMatch);
    }

    /** The versions an optional If-Match header admits; any when it is absent. */
    public static ExpectedVersions optionalVersions(String ifMatch) {
        Set<String> tags = strongTags(ifMatch);
        if (tags == null) {
            return ExpectedVersions.ANY;
        }
        Set<Long> versions = new HashSet<>();
        for (String tag : tags) {
            if (tag.matches("0|[1-9][0-9]{0,17}")) {
                versions.add(Long.parseLong(tag));
            }
        }
        return new ExpectedVersions(versions);
    }

    /**
     * The strong tags a required If-Match header names, for a row whose ETag is not a version (an attachment's
     * content hash); {@code null} for {@code *}.
     */
    public static Set<String> requiredTags(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException();
        }
        return strongTags(ifMatch);
    }

    /** True for {@code If-None-Match: *}: the client creates only what does not exist yet. */
    public static boolean onlyIfAbsent(String ifNoneMatch) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        if (!ifNoneMatch.strip().equals("*")) {
            throw new InvalidInputException("If-None-Match", "on a create may only be *");
        }
        return true;
    }

    /** The opaque values of the strong tags of an If-Match value; {@code null} for {@code *} or no header. */
    private static Set<String> strongTags(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        List<Tag> tags = list(ifMatch);
        if (tags == null) {
            throw new InvalidInputException("If-Match", "must be * or quoted ETags you read, e.g. \"3\"");
        }
        Set<String> strong = new HashSet<>();
        for (Tag tag : tags) {
            if (!tag.weak()) {
                strong.add(tag.value());
            }
        }
        return strong;
    }

    /** The tags of a list value ({@code "1", W/"2"}) in order; null when the value is not such a list. */
    static List<Tag> list(String value) {
        String text = value.strip();
        List<Tag> tags = new ArrayList<>();
        Matcher member = LIST_MEMBER.matcher(text);
        int end = 0;
        while (end < text.length() && member.find() && member.start() == end) {
            tags.add(new Tag(member.group(2), member.group(1) != null));
            end = member.end();
        }
        return tags.isEmpty() || end != text.length() ? null : tags;
    }

    /** The one tag a value names ({@code "3"} or {@code W/"3"}); null when it names none or several. */
    static Tag single(String value) {
        List<Tag> tags = list(value);
        return tags == null || tags.size() != 1 ? null : tags.get(0);
    }

    /** A tag as an ETag header writes it: {@code "3"} or {@code W/"3"}. */
    static String header(EntityTag tag) {
        return (tag.isWeak() ? "W/" : "") + "\"" + tag.getValue() + "\"";
    }
}
