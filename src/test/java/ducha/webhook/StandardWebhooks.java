package ducha.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Verifies deliveries with the npm package standardwebhooks (scripts/webhook-verify, `npm ci` there first): an
 * implementation of the specification that shares no code with the service.
 */
final class StandardWebhooks {

    private static final File TOOL = new File("scripts/webhook-verify");

    private StandardWebhooks() {
    }

    /** Every delivery verifies with every one of the secrets (and with no wrong one); answers how many checks passed. */
    static int verify(List<Receiver.Received> deliveries, String... secrets) throws Exception {
        assertThat(new File(TOOL, "node_modules/standardwebhooks")).as("run `npm ci` in scripts/webhook-verify first")
                .isDirectory();
        List<Map<String, Object>> cases = new ArrayList<>();
        for (Receiver.Received delivery : deliveries) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("webhook-id", delivery.webhookId());
            headers.put("webhook-timestamp", delivery.timestamp());
            headers.put("webhook-signature", delivery.signature());
            cases.add(Map.of("secrets", List.of(secrets), "headers", headers, "body", delivery.body()));
        }
        Path input = Files.createTempFile("webhooks", ".json");
        try {
            Files.writeString(input, new ObjectMapper().writeValueAsString(cases), StandardCharsets.UTF_8);
            Process node = new ProcessBuilder("node", "verify.mjs", input.toString()).directory(TOOL)
                    .redirectErrorStream(true).start();
            assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(node.exitValue()).as(output).isZero();
            assertThat(output).isEqualTo("verified " + deliveries.size() * secrets.length);
            return deliveries.size() * secrets.length;
        } finally {
            Files.deleteIfExists(input);
        }
    }
}
