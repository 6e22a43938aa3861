package ducha.reminder;

import ducha.common.Page;
import ducha.common.PageRequest;
import ducha.common.Params;
import ducha.security.Roles;
import ducha.web.Responses;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/reminders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reminders", description = "Reminders of findings' due times and escalations of overdue ones (督促整改, "
        + "问责预警), sent by the system exactly once each.")
public class ReminderResource {

    private final ReminderService service;

    public ReminderResource(ReminderService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "listReminders", summary = "Reminders and escalations, newest first",
            description = "DUE_SOON (due within the lead time), OVERDUE (past due, not rectified) and ESCALATED "
                    + "(overdue past its severity's threshold, moved to ESCALATED) entries, each addressed to a unit: "
                    + "the finding's, and for ESCALATED its parent unit. Admins read all; inspectors those addressed "
                    + "to their unit or a unit below it (so a parent unit's inspectors see their children's "
                    + "escalations with kind=ESCALATED); without unitId, an inspector reads their own unit's.")
    public Uni<RestResponse<Page<ReminderView>>> list(
            @Parameter(description = "Only those addressed to this unit or a unit below it.") @RestQuery String unitId,
            @Parameter(description = "DUE_SOON, OVERDUE or ESCALATED.") @RestQuery String kind,
            @RestQuery String limit, @RestQuery String cursor, @Context UriInfo uri) {
        ReminderFilter filter = new ReminderFilter(Params.uuid("unitId", unitId),
                Params.enumOf(ReminderKind.class, "kind", kind));
        return service.list(filter, PageRequest.of(Params.integer("limit", limit), cursor))
                .map(page -> Responses.page(page, uri));
    }
}
