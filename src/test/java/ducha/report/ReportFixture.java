package ducha.report;

import static ducha.support.Api.as;

import ducha.support.Api;
import ducha.support.Tokens;
import java.util.HashMap;
import java.util.Map;

/**
 * A small world whose every figure is counted by hand in the tests. Two districts of its own (so no other test's
 * sites count), a commission R with groups A (and A's team A1) and B, and:
 *
 * <pre>
 * sites   S1 CHECKPOINT D1, S2 TESTING_POINT D1, S3 TESTING_POINT D1 (never inspected),
 *         S4 MARKET D2, S5 MARKET D2 (inactive)
 * visits  I1 A1@S1 2021-08-07 09:00+08 (3 people)   I2 A@S2  2021-08-07 23:30+08 (4)
 *         I3 B@S4  2021-08-08 00:00+08 (5)          I4 R@S5  2021-08-06 10:00+08 (1)
 *         I5 A1@S1 2021-08-07 10:00+08 (2)
 * finds   F1 A1@S1 DISINFECTION  08-07 09:10+08 fixed on site (RECTIFIED)
 *         F2 A1@S1 CROWD_CONTROL 08-07 09:20+08 OPEN, due 08-08 09:20+08 (overdue)
 *         F3 A@S2  DISINFECTION  08-07 23:30+08 rectified later (RECTIFIED)
 *         F4 B@S4  PRICING       08-08 00:00+08 RECTIFYING, no due time
 *         F5 B@S4  PRICING       08-08 08:00+08 ESCALATED, due 08-09 08:00+08 (overdue)
 *         F6 R@S5  SUPPLIES      08-06 10:05+08 fixed on site, then VERIFIED
 * notices N1 R BULLETIN 08-07 12:00+08 (no site)   N2 B SUGGESTION 08-08 09:00+08 at S4
 *         N3 A SUGGESTION 08-07 23:59+08 (no site)
 * </pre>
 */
final class ReportFixture {

    final String d1 = Api.code("东区");
    final String d2 = Api.code("西区");
    final String r;
    final String rCode;
    final String a;
    final String aCode;
    final String a1;
    final String a1Code;
    final String b;
    final String bCode;
    final String s1;
    final String s2;
    final String s3;
    final String s4;
    final String s5;
    final String i4;
    final String i5;
    final String f1;
    final String f2;
    final String f3;
    final String f5;
    /** When F3 was rectified (now, when the fixture was built). */
    final String f3RectifiedAt;

    ReportFixture() {
        rCode = Api.code("R");
        r = unit(rCode, null, d1, "COMMISSION");
        aCode = Api.code("A");
        a = unit(aCode, r, d1, "SUPERVISION_GROUP");
        a1Code = Api.code("A1");
        a1 = unit(a1Code, a, d1, "OTHER");
        bCode = Api.code("B");
        b = unit(bCode, r, d2, "SUPERVISION_GROUP");
        s1 = site("CHECKPOINT", d1, true);
        s2 = site("TESTING_POINT", d1, true);
        s3 = site("TESTING_POINT", d1, true);
        s4 = site("MARKET", d2, true);
        s5 = site("MARKET", d2, false);
        visit(a1, s1, "2021-08-07T09:00:00+08:00", 3);
        visit(a, s2, "2021-08-07T23:30:00+08:00", 4);
        visit(b, s4, "2021-08-08T00:00:00+08:00", 5);
        i4 = visit(r, s5, "2021-08-06T10:00:00+08:00", 1);
        i5 = visit(a1, s1, "2021-08-07T10:00:00+08:00", 2);
        f1 = finding(a1, s1, "DISINFECTION", "2021-08-07T09:10:00+08:00", null, true);
        f2 = finding(a1, s1, "CROWD_CONTROL", "2021-08-07T09:20:00+08:00", "2021-08-08T09:20:00+08:00", false);
        f3 = finding(a, s2, "DISINFECTION", "2021-08-07T23:30:00+08:00", null, false);
        f3RectifiedAt = transition(f3, "RECTIFY", "已整改");
        String f4 = finding(b, s4, "PRICING", "2021-08-08T00:00:00+08:00", null, false);
        transition(f4, "START", null);
        f5 = finding(b, s4, "PRICING", "2021-08-08T08:00:00+08:00", "2021-08-09T08:00:00+08:00", false);
        transition(f5, "ESCALATE", null);
        String f6 = finding(r, s5, "SUPPLIES", "2021-08-06T10:05:00+08:00", null, true);
        transition(f6, "VERIFY", null);
        notice(r, null, "BULLETIN", "2021-08-07T12:00:00+08:00");
        notice(b, s4, "SUGGESTION", "2021-08-08T09:00:00+08:00");
        notice(a, null, "SUGGESTION", "2021-08-07T23:59:00+08:00");
    }

    static String unit(String code, String parentId, String district, String kind) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", "单位" + code);
        body.put("kind", kind);
        body.put("parentId", parentId);
        body.put("district", district);
        return as(Tokens.admin()).body(body).post("/api/v1/units").then().statusCode(201).extract().path("id");
    }

    static String site(String type, String district, boolean active) {
        Map<String, Object> body = new HashMap<>();
        String code = Api.code("S");
        body.put("code", code);
        body.put("name", "点位" + code);
        body.put("type", type);
        body.put("district", district);
        body.put("active", active);
        return as(Tokens.admin()).body(body).post("/api/v1/sites").then().statusCode(201).extract().path("id");
    }

    static String visit(String unitId, String siteId, String startedAt, int people) {
        return as(Tokens.admin()).body(Map.of("unitId", unitId, "siteId", siteId, "startedAt", startedAt,
                        "inspectorCount", people, "method", "UNANNOUNCED"))
                .post("/api/v1/inspections").then().statusCode(201).extract().path("id");
    }

    static String finding(String unitId, String siteId, String category, String foundAt, String dueAt,
            boolean onSite) {
        Map<String, Object> body = Api.finding(unitId, siteId);
        body.put("category", category);
        body.put("foundAt", foundAt);
        body.put("dueAt", dueAt);
        body.put("rectifiedOnSite", onSite);
        return Api.reportFinding(Tokens.admin(), body).getString("id");
    }

    /** Moves a finding; answers its rectifiedAt. */
    static String transition(String findingId, String action, String note) {
        Map<String, Object> body = new HashMap<>();
        body.put("action", action);
        body.put("note", note);
        return as(Tokens.admin()).body(body).post("/api/v1/findings/" + findingId + "/transitions").then()
                .statusCode(200).extract().path("rectifiedAt");
    }

    static void notice(String unitId, String siteId, String kind, String issuedAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("unitId", unitId);
        body.put("siteId", siteId);
        body.put("kind", kind);
        body.put("title", "督查通报");
        body.put("issuedAt", issuedAt);
        as(Tokens.admin()).body(body).post("/api/v1/notices").then().statusCode(201);
    }
}
