package ducha.change;

@org.eclipse.microprofile.graphql.Description("Kind of recorded change.")
public enum ChangeOp {
    CREATE, UPDATE, TRANSITION, DELETE, REMINDER
}
