package ducha.unit;

@org.eclipse.microprofile.graphql.Description("What kind of supervision unit.")
public enum UnitKind {
    COMMISSION, SUPERVISION_GROUP, STATIONED_TEAM, ACCOUNTABILITY_GROUP, COORDINATION_GROUP, PUBLICITY_GROUP,
    LOGISTICS_GROUP, OTHER
}
