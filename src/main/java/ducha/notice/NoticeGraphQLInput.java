package ducha.notice;

import ducha.common.Params;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("NoticeInput")
@Description("A notice to issue, or the new state of one.")
public record NoticeGraphQLInput(
        @Id @Description("Optional client-chosen id, on create only.") String id,
        @NonNull @Id @Description("The unit that issues it.") String unitId,
        @Id @Description("The site it concerns, if one.") String siteId,
        @NonNull @Description("What kind of notice.") NoticeKind kind,
        @NonNull @Description("Title.") String title,
        @Description("Full text.") String body,
        @Description("When it was issued; defaults to now.") OffsetDateTime issuedAt,
        @Description("Ids of the findings it cites (at most 200).") List<String> findingIds) {

    public NoticeInput toInput() {
        List<UUID> cited = null;
        if (findingIds != null) {
            cited = new ArrayList<>();
            for (int i = 0; i < findingIds.size(); i++) {
                cited.add(Params.requiredUuid("findingIds[" + i + "]", findingIds.get(i)));
            }
        }
        return new NoticeInput(Params.uuid("id", id), Params.requiredUuid("unitId", unitId), Params.uuid("siteId", siteId),
                kind, title, body, issuedAt, cited);
    }
}
