package ducha.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("PageInfo")
@Description("Where a page of a connection ends and whether more follow.")
public record PageInfo(
        @NonNull @Description("True when another page follows; ask again with after: endCursor.") boolean hasNextPage,
        @Description("The cursor of the last edge of this page; null when the page is empty.") String endCursor) {
}
