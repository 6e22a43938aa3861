package ducha.unit;

import ducha.common.Params;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("UnitFilter")
@Description("Which units; every field is optional and they combine with AND.")
public record UnitGraphQLFilter(
        @Id @Description("Only the direct sub-units of this unit.") String parentId,
        @Description("Only units of this district.") String district,
        @Description("Only units of this kind.") UnitKind kind,
        @Description("Only active (true) or retired (false) units.") Boolean active,
        @Description("Text contained in the code or name.") String text) {

    public UnitFilter toFilter() {
        return new UnitFilter(Params.uuid("parentId", parentId), Params.text("district", district, 100), kind, active,
                Params.text("text", text, 200));
    }

    public static UnitFilter toFilter(UnitGraphQLFilter filter) {
        return filter == null ? new UnitFilter(null, null, null, null, null) : filter.toFilter();
    }
}
