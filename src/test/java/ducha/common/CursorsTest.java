package ducha.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keyset cursors without a database: they round-trip, and anything a client builds is a 400 naming "cursor". */
class CursorsTest {

    @Test
    void timeKeysRoundTripToTheNanosecond() {
        Instant at = Instant.parse("2021-08-07T02:30:00.123456789Z");
        UUID id = UUID.randomUUID();
        assertThat(Cursors.timeKey(Cursors.ofTime(at, id))).isEqualTo(new Cursors.TimeKey(at, id));
    }

    @Test
    void textKeysRoundTripWhateverTheyHold() {
        String key = "KF-卡点-001 / ?&=";
        String cursor = Cursors.ofText(key);
        assertThat(Cursors.textKey(cursor)).isEqualTo(key);
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void aCursorOfOneKindIsRefusedByTheOther() {
        assertRefused(() -> Cursors.timeKey(Cursors.ofText("KF-001")));
        assertRefused(() -> Cursors.textKey(Cursors.ofTime(Instant.EPOCH, UUID.randomUUID())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "%%%", "bm90IGEgY3Vyc29y", "MR8yMDIxLTA4LTA3VDAyOjMwOjAwWh9ub3QtYS11dWlk"})
    void foreignCursorsAreRefused(String cursor) {
        assertRefused(() -> Cursors.timeKey(cursor));
    }

    @Test
    void anotherVersionAndOverlongCursorsAreRefused() {
        String otherVersion = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("2\u001fKF-001".getBytes(StandardCharsets.UTF_8));
        assertRefused(() -> Cursors.textKey(otherVersion));
        assertRefused(() -> Cursors.textKey(Cursors.ofText("x".repeat(600))));
    }

    @Test
    void packedFieldsComeBackAsTheyWereAndForeignTextUnpacksToNothing() {
        assertThat(Cursors.unpack(Cursors.pack("s1", "tag", "", "卡点"))).containsExactly("s1", "tag", "", "卡点");
        assertThat(Cursors.pack("a", "b")).matches("[A-Za-z0-9_-]+");
        assertThat(Cursors.unpack("%%%")).isNull();
        assertThat(Cursors.unpack(Cursors.pack("x".repeat(600)))).isNull();
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(InvalidInputException.class).hasMessageContaining("cursor");
    }
}
