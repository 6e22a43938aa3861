package ducha.support;

import static io.restassured.RestAssured.given;

import io.quarkus.vertx.http.HttpServer;
import io.restassured.specification.RequestSpecification;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The management interface (health and metrics), on its own random port in tests. A test class gets the running
 * server by declaring a field {@code HttpServer server;} (Quarkus' test extension fills it).
 */
public final class Management {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private Management() {
    }

    public static RequestSpecification request(HttpServer server) {
        return given().baseUri("http://localhost").port(server.getManagementPort());
    }

    public static String metrics(HttpServer server) {
        return request(server).get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /**
     * The value of the Prometheus sample with this name and (at least) these labels, e.g.
     * {@code sample(text, "ducha_findings_transitions_total", "action", "START")}; fails when there is none.
     */
    public static double sample(String exposition, String name, String... labels) {
        Map<String, String> wanted = new HashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        for (String line : exposition.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches() || !sample.group(1).equals(name)) {
                continue;
            }
            Map<String, String> present = new HashMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    present.put(label.group(1), label.group(2));
                }
            }
            if (present.entrySet().containsAll(wanted.entrySet())) {
                return Double.parseDouble(sample.group(3));
            }
        }
        throw new AssertionError("no sample " + name + " with " + Arrays.toString(labels));
    }
}
