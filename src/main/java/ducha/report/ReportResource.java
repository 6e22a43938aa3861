package ducha.report;

import ducha.common.Page;
import ducha.common.PageRequest;
import ducha.common.Params;
import ducha.security.Roles;
import ducha.web.Responses;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/reports")
@Tag(name = "Reports", description = "The figures leadership reads: summary, trend, overdue findings, CSV exports. "
        + "Periods are [from, to): dates are read in the report time zone (ducha.reports.time-zone).")
public class ReportResource {

    private static final String PERIOD = " The period [from, to) applies to inspections by startedAt, findings by "
            + "foundAt and notices by issuedAt; from and to are dates (YYYY-MM-DD, midnight in the report time zone) "
            + "or ISO-8601 times with offset. unitId includes all its sub-units; district and siteType are the "
            + "site's.";
    private static final String CSV_NOTE = " CSV is UTF-8 with a byte order mark, for spreadsheets.";
    private static final MediaType CSV = MediaType.valueOf(ReportCsv.MEDIA_TYPE);
    /** Rows per chunk of the streamed export. */
    private static final int EXPORT_CHUNK = 200;

    private static final String DAILY = " The day is a date YYYY-MM-DD of the report time zone, up to today; unitId "
            + "(required) includes all its sub-units. Open and overdue are judged at the end of the day (now, while "
            + "it is not over); see docs/reports.md for each figure.";
    private static final MediaType HTML = MediaType.valueOf(DailyReportHtml.MEDIA_TYPE);

    private final ReportService service;
    private final DailyReportService daily;

    public ReportResource(ReportService service, DailyReportService daily) {
        this.service = service;
        this.daily = daily;
    }

    @GET
    @Path("daily")
    @Produces({MediaType.APPLICATION_JSON, ReportCsv.MEDIA_TYPE, DailyReportHtml.MEDIA_TYPE})
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "getDailyReport", summary = "Daily report (督查日报) of a unit",
            description = "The day's inspections, person-visits and sites, findings new, rectified, overdue and "
                    + "escalated, notices by kind, each child unit's figures, the target coverage of active "
                    + "campaigns and the most serious open findings." + DAILY + " Answers CSV when Accept prefers "
                    + "text/csv, and the printable page (one A4 sheet) when it prefers text/html." + CSV_NOTE)
    @APIResponse(responseCode = "200", description = "The daily report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DailyReport.class)),
            @Content(mediaType = ReportCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = DailyReportHtml.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public Uni<RestResponse<Object>> daily(@BeanParam DailyQuery query, @Context HttpHeaders headers) {
        Format format = Format.preferred(headers.getAcceptableMediaTypes(), Format.values());
        return daily.daily(query.unit(), query.date()).map(report -> switch (format) {
            case CSV -> csvResponse(ReportCsv.daily(report), dailyFileName(report, "csv"));
            case HTML -> htmlResponse(report);
            case JSON -> RestResponse.ResponseBuilder.<Object>ok(report, MediaType.APPLICATION_JSON_TYPE).build();
        });
    }

    @GET
    @Path("daily.csv")
    @Produces(ReportCsv.MEDIA_TYPE)
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "getDailyReportCsv", summary = "Daily report as CSV",
            description = "The daily report as one table: a total row, the unit's own work and each child unit, a "
                    + "row per notice kind, per active campaign and per most serious open finding." + DAILY
                    + CSV_NOTE)
    @APIResponse(responseCode = "200", description = "The daily report as CSV",
            content = @Content(mediaType = ReportCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public Uni<RestResponse<Object>> dailyCsv(@BeanParam DailyQuery query) {
        return daily.daily(query.unit(), query.date())
                .map(report -> csvResponse(ReportCsv.daily(report), dailyFileName(report, "csv")));
    }

    @GET
    @Path("daily.html")
    @Produces(DailyReportHtml.MEDIA_TYPE)
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "getDailyReportHtml", summary = "Daily report as a printable page",
            description = "The daily report as one HTML page that prints on one A4 sheet: charts as inline SVG, no "
                    + "script, nothing loaded from elsewhere; labels in Chinese and English. scripts/daily-report "
                    + "turns it into a PDF." + DAILY)
    @APIResponse(responseCode = "200", description = "The printable page",
            content = @Content(mediaType = DailyReportHtml.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public Uni<RestResponse<Object>> dailyHtml(@BeanParam DailyQuery query) {
        return daily.daily(query.unit(), query.date()).map(ReportResource::htmlResponse);
    }

    private static RestResponse<Object> htmlResponse(DailyReport report) {
        return RestResponse.ResponseBuilder.<Object>ok(DailyReportHtml.render(report), HTML)
                .header("Content-Disposition", "inline; filename=\"" + dailyFileName(report, "html") + "\"")
                .build();
    }

    private static String dailyFileName(DailyReport report, String extension) {
        // The unit's id rather than its code: a code may hold characters a header's plain filename cannot.
        return "daily-" + report.date() + "-" + report.unitId() + "." + extension;
    }

    /** The forms a report answers in on a path without suffix; JSON is the default. */
    private enum Format {
        JSON(MediaType.APPLICATION_JSON_TYPE), CSV(ReportResource.CSV), HTML(ReportResource.HTML);

        private final MediaType type;

        Format(MediaType type) {
            this.type = type;
        }

        /**
         * The form of {@code offered} that the client's Accept ranks highest (the list is sorted by preference). A
         * range that admits JSON (all types, {@code application/*}) means JSON; CSV and HTML must be named
         * ({@code text/*} names neither).
         */
        static Format preferred(List<MediaType> acceptable, Format... offered) {
            for (MediaType range : acceptable) {
                if (range.isCompatible(JSON.type)) {
                    return JSON;
                }
                for (Format format : offered) {
                    if (!range.isWildcardSubtype() && range.isCompatible(format.type)) {
                        return format;
                    }
                }
            }
            return JSON;
        }
    }

    @GET
    @Path("summary")
    @Produces({MediaType.APPLICATION_JSON, ReportCsv.MEDIA_TYPE})
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "getSummary", summary = "Summary of the filtered work",
            description = "Counts, coverage, rectification and notices, with breakdowns by category, site type, "
                    + "district and child unit (see the Summary schema and docs/reports.md for each definition)."
                    + PERIOD + " Answers CSV when Accept prefers text/csv." + CSV_NOTE)
    @APIResponse(responseCode = "200", description = "The summary", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Summary.class)),
            @Content(mediaType = ReportCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public Uni<RestResponse<Object>> summary(@BeanParam ReportQuery query, @Context HttpHeaders headers) {
        SummaryFilter filter = query.filter();
        Format format = Format.preferred(headers.getAcceptableMediaTypes(), Format.JSON, Format.CSV);
        return service.summary(filter).map(summary -> format == Format.CSV
                ? csvResponse(ReportCsv.summary(summary), "summary.csv")
                : RestResponse.ResponseBuilder.<Object>ok(summary, MediaType.APPLICATION_JSON_TYPE).build());
    }

    @GET
    @Path("summary.csv")
    @Produces(ReportCsv.MEDIA_TYPE)
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "getSummaryCsv", summary = "Summary as CSV",
            description = "The summary as one table: a total row, then a row per breakdown key and per notice kind."
                    + PERIOD + CSV_NOTE)
    @APIResponse(responseCode = "200", description = "The summary as CSV",
            content = @Content(mediaType = ReportCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public Uni<RestResponse<Object>> summaryCsv(@BeanParam ReportQuery query) {
        return service.summary(query.filter())
                .map(summary -> csvResponse(ReportCsv.summary(summary), "summary.csv"));
    }

    @GET
    @Path("trend")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "getTrend", summary = "Counts per day or week",
            description = "One point per day or week (Monday to Sunday) of the report time zone over [from, to), "
                    + "without gaps. Without from and to: the last 30 days (interval=DAY) or 12 weeks (WEEK) up to "
                    + "the end of today; at most 366 days or 260 weeks." + PERIOD)
    @APIResponse(responseCode = "200", description = "One point per bucket",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Trend.class)))
    public Uni<Trend> trend(@BeanParam ReportQuery query,
            @Parameter(description = "DAY (default) or WEEK") @RestQuery String interval) {
        SummaryFilter filter = query.filter();
        TrendInterval bucket = Params.enumOf(TrendInterval.class, "interval", interval);
        return service.trend(filter, bucket == null ? TrendInterval.DAY : bucket);
    }

    @GET
    @Path("overdue")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "listOverdueFindings", summary = "Overdue findings, oldest due first",
            description = "Findings past their due time now and not rectified (OPEN, RECTIFYING, ESCALATED), with "
                    + "unit and site; keyset-paginated (limit, cursor, Link: rel=\"next\")." + PERIOD)
    public Uni<RestResponse<Page<OverdueFinding>>> overdue(@BeanParam ReportQuery query, @RestQuery String limit,
            @RestQuery String cursor, @Context UriInfo uri) {
        SummaryFilter filter = query.filter();
        return service.overdue(filter, PageRequest.of(Params.integer("limit", limit), cursor))
                .map(page -> Responses.page(page, uri));
    }

    @GET
    @Path("responsible-parties")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "getResponsiblePartyBreakdown", summary = "Findings by responsible party (责任单位)",
            description = "The findings of the period broken down by the party they were handed to: one row per "
                    + "party (key = its name; key null for findings handed to nobody yet), most findings first, "
                    + "with the byCategory figures (findings, rectified, rectifiedOnSite, open, overdue, escalated, "
                    + "rectificationRate)." + PERIOD)
    @APIResponse(responseCode = "200", description = "One row per responsible party", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ResponsiblePartyBreakdown.class)))
    public Uni<ResponsiblePartyBreakdown> responsibleParties(@BeanParam ReportQuery query) {
        return service.byResponsibleParty(query.filter())
                .map(ResponsiblePartyBreakdown::new);
    }

    @GET
    @Path("findings")
    @Produces(ReportCsv.MEDIA_TYPE)
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "exportFindings", summary = "Findings as CSV, newest first",
            description = "Every finding of the filter (no paging), streamed as it is read. status, category, "
                    + "severity and overdue narrow it further." + PERIOD + CSV_NOTE)
    @APIResponse(responseCode = "200", description = "The findings as CSV",
            content = @Content(mediaType = ReportCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public Multi<String> findings(@BeanParam ReportQuery query, @BeanParam FindingExportQuery attributes) {
        return exportFindings(attributes.filter(query));
    }

    @GET
    @Path("findings.csv")
    @Produces(ReportCsv.MEDIA_TYPE)
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "exportFindingsCsv", summary = "Findings as CSV (by path)", description = "The same as GET /api/v1/reports/findings.")
    @APIResponse(responseCode = "200", description = "The findings as CSV",
            content = @Content(mediaType = ReportCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public Multi<String> findingsCsv(@BeanParam ReportQuery query, @BeanParam FindingExportQuery attributes) {
        return exportFindings(attributes.filter(query));
    }

    private Multi<String> exportFindings(FindingExportFilter export) {
        return RestMulti.fromUniResponse(service.exportFindings(export),
                checked -> Multi.createBy().concatenating().streams(
                        Multi.createFrom().item(ReportCsv.findingsHeader()),
                        checked.rows().group().intoLists().of(EXPORT_CHUNK).map(ReportCsv::findings)),
                checked -> Map.of("Content-Disposition", List.of(attachment("findings.csv"))));
    }

    private static RestResponse<Object> csvResponse(String body, String fileName) {
        return RestResponse.ResponseBuilder.<Object>ok(body, CSV).header("Content-Disposition", attachment(fileName))
                .build();
    }

    private static String attachment(String fileName) {
        return "attachment; filename=\"" + fileName + "\"";
    }
}
