package ducha.unit;

import ducha.common.Params;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("UnitInput")
@Description("A unit to create, or the new state of one.")
public record UnitGraphQLInput(
        @Id @Description("Optional client-chosen id, on create only.") String id,
        @NonNull @Description("Unique code: 1 to 64 letters, digits, '.', '_' or '-'.") String code,
        @NonNull @Description("Full name.") String name,
        @NonNull @Description("What kind of unit it is.") UnitKind kind,
        @Id @Description("The unit it belongs to; omit for a root.") String parentId,
        @Description("County or district.") String district,
        @Description("Who leads it.") String leader,
        @Description("Defaults to true.") Boolean active) {

    public UnitInput toInput() {
        return new UnitInput(Params.uuid("id", id), code, name, kind, Params.uuid("parentId", parentId), district,
                leader, active);
    }
}
