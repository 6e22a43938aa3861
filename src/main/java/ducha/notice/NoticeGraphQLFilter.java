package ducha.notice;

import ducha.common.Params;
import ducha.common.Times;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("NoticeFilter")
@Description("Which notices; every field is optional and they combine with AND.")
public record NoticeGraphQLFilter(
        @Id @Description("Only notices of this unit and the units below it.") String unitId,
        @Description("Only notices of this kind.") NoticeKind kind,
        @Description("Only notices issued at or after this time.") OffsetDateTime from,
        @Description("Only notices issued before this time.") OffsetDateTime to) {

    public static NoticeFilter toFilter(NoticeGraphQLFilter filter) {
        return filter == null ? new NoticeFilter(null, null, null, null)
                : new NoticeFilter(Params.uuid("unitId", filter.unitId), filter.kind, Times.instant(filter.from),
                        Times.instant(filter.to));
    }
}
