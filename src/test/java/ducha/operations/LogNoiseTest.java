package ducha.operations;

import static ducha.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import ducha.support.Api;
import ducha.support.LogCapture;
import ducha.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A start and the conflicts a client causes log no warning that a newcomer would read as a failure. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(value = LogCapture.class, scope = TestResourceScope.GLOBAL)
class LogNoiseTest {

    @Test
    void aStartAndARefusedDuplicateLogNoWarning() {
        String code = Api.code("NOISE");
        Api.createUnit(code, null);
        // Refused by the database's unique constraint, answered 409: the client's business, not the log's.
        as(Tokens.admin()).body(Map.of("code", code, "name", "重复", "kind", "COMMISSION", "district", "测试区"))
                .post("/api/v1/units").then().statusCode(409);
        assertThat(LogCapture.warnings()).isEmpty();
    }
}
