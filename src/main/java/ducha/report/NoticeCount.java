package ducha.report;

import ducha.notice.NoticeKind;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("NoticeCount")
@Description("How many notices of one kind were issued in the period.")
public record NoticeCount(
        @NonNull @Description("The kind of notice.") NoticeKind kind,
        @Description("How many.") int count) {
}
