package ducha.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ducha.common.ExpectedVersions;
import ducha.common.InvalidInputException;
import ducha.common.PreconditionRequiredException;
import jakarta.ws.rs.core.EntityTag;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** If-Match, If-None-Match and If-Range parsing without a server (RFC 9110 §13.1). */
class ETagsTest {

    @Test
    void aListOfStrongTagsAdmitsTheirVersionsOnly() {
        ExpectedVersions versions = ETags.requiredVersions(" \"3\" ,\t\"5\" ");
        assertThat(versions.versions()).containsExactlyInAnyOrder(3L, 5L);
        assertThat(versions.admits(4)).isFalse();
    }

    @Test
    void weakTagsAndTagsThatAreNotOurVersionsAdmitNothing() {
        assertThat(ETags.requiredVersions("W/\"3\"").versions()).isEmpty();
        assertThat(ETags.requiredVersions("\"03\", \"abc\", \"-1\"").versions()).isEmpty();
    }

    @Test
    void aStarOrNoOptionalHeaderAdmitsAnyVersion() {
        assertThat(ETags.requiredVersions("*")).isEqualTo(ExpectedVersions.ANY);
        assertThat(ETags.optionalVersions(null)).isEqualTo(ExpectedVersions.ANY);
        assertThat(ETags.requiredTags("*")).isNull();
    }

    @Test
    void aRequiredHeaderThatIsMissingIs428() {
        assertThatThrownBy(() -> ETags.requiredVersions(null)).isInstanceOf(PreconditionRequiredException.class);
        assertThatThrownBy(() -> ETags.requiredTags(" ")).isInstanceOf(PreconditionRequiredException.class);
    }

    @Test
    void contentHashTagsAreKeptAsTheyAre() {
        assertThat(ETags.requiredTags("\"sha256-abc\", W/\"weak\"")).isEqualTo(Set.of("sha256-abc"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "\"3", "\"3\" \"4\"", "\"3\",,", "W/3", "\"a b\""})
    void malformedValuesAreRefusedNamingTheHeader(String ifMatch) {
        assertThatThrownBy(() -> ETags.requiredVersions(ifMatch)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("If-Match");
    }

    @Test
    void ifNoneMatchOnACreateIsAStarOrNothing() {
        assertThat(ETags.onlyIfAbsent(null)).isFalse();
        assertThat(ETags.onlyIfAbsent(" * ")).isTrue();
        assertThatThrownBy(() -> ETags.onlyIfAbsent("\"3\"")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void ifNoneMatchOnAReadComparesWeaklyAndIgnoresWhatIsNoList() {
        assertThat(ConditionalReads.matches("W/\"0\", \"7\"", "0")).isTrue();
        assertThat(ConditionalReads.matches(" * ", "5")).isTrue();
        assertThat(ConditionalReads.matches("\"1\"", "0")).isFalse();
        assertThat(ConditionalReads.matches("0", "0")).as("an unquoted tag is not a tag").isFalse();
    }

    @Test
    void ifRangeIsCurrentOnlyForTheOneStrongTag() {
        assertThat(ByteRange.select("bytes=0-9", "\"abc\"", "abc", 100)).isEqualTo(new ByteRange(0, 9));
        assertThat(ByteRange.select("bytes=0-9", "W/\"abc\"", "abc", 100)).isNull();
        assertThat(ByteRange.select("bytes=0-9", "\"other\"", "abc", 100)).isNull();
        assertThat(ByteRange.select("bytes=0-9", "Sat, 07 Aug 2021 09:00:00 GMT", "abc", 100)).isNull();
    }

    @Test
    void aTagIsWrittenAsItIsRead() {
        for (EntityTag tag : new EntityTag[] {new EntityTag("3"), new EntityTag("sha-1", true)}) {
            assertThat(ETags.single(ETags.header(tag))).isEqualTo(new ETags.Tag(tag.getValue(), tag.isWeak()));
        }
    }
}
